using System.Globalization;

namespace GptBook.Epub.MathImages;

/// <summary>Numbers in the formula pictures: thousandths of an em, written with at most one decimal, invariantly, never as "-0".</summary>
internal static class SvgNumbers
{
    public const double UnitsPerEm = 1000;

    public static string Format(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>A length in em from whole thousandths (what the img's style and the svg's size say).</summary>
    public static string Em(long thousandths) => (thousandths / UnitsPerEm).ToString("0.###", CultureInfo.InvariantCulture) + "em";
}
