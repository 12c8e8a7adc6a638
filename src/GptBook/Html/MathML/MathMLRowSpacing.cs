using System.Globalization;
using GptBook.Formulas;

namespace GptBook.Html.MathML;

/// <summary>
/// A row's <c>\\[length]</c> in MathML. MathML Core has no spacing per row (MathML 3's <c>rowspacing</c> is one
/// list for the whole table, and Chromium ignores it), <c>mpadded</c> there sets a depth but cannot add to one, and
/// the site's security policy allows no inline styles; what Core does draw is an <c>mspace</c> with a depth. So a
/// row with extra space gets, in its first cell, an empty <c>mspace</c> as deep as TeX's strut (0.36 em) plus the
/// length: LaTeX's own rule for arrays and cases (the row at least that deep), and for align-like rows the same as
/// TeX's space below the depth whenever the row is no deeper than a strut. The depth is in em, so it scales with
/// the reader's text: ex is the bundled math face's x-height (0.519 em), absolute units are taken at 10 pt to the
/// em, TeX's default size. Zero and negative lengths are not written: nothing in Core pulls a row up.
/// </summary>
internal static class MathMLRowSpacing
{
    /// <summary>TeX's strut depth, 0.3 of a 12 pt baseline at 10 pt, as the PDF's engine uses it.</summary>
    private const double StrutDepth = 0.36;

    /// <summary>The x-height of DejaVu Math TeX Gyre (OS/2 sxHeight 519 of 1000 units), the face the stylesheets name first.</summary>
    internal const double XHeight = 0.519;

    /// <summary>Points to the em where a length is absolute: TeX's default 10 pt.</summary>
    private const double PointsPerEm = 10;

    /// <summary>The depth of the strut for a row with <paramref name="length"/> after it, as a MathML length; null when there is none to write.</summary>
    public static string? StrutDepthFor(MathLength? length)
    {
        if (length is null) return null;
        var em = length.Unit switch
        {
            MathLengthUnit.Em => length.Value,
            MathLengthUnit.XHeight => length.Value * XHeight,
            _ => length.Points!.Value / PointsPerEm,
        };
        return em <= 0 ? null : (StrutDepth + em).ToString("0.###", CultureInfo.InvariantCulture) + "em";
    }
}
