using System.Globalization;

namespace GptBook.Formulas;

/// <summary>TeX's units of length that a formula may write: the font-relative em and ex (<see cref="XHeight"/>), and the absolute ones.</summary>
public enum MathLengthUnit { Em, XHeight, Pt, Bp, Mm, Cm, In, Pc, Dd, Cc, Sp }

/// <summary>
/// A length written in a formula, such as the extra space after a row (<c>\\[2ex]</c>, <c>\\[-4pt]</c>): its value
/// in <see cref="Unit"/>, and <see cref="Source"/>, the text between the brackets as written. em and ex are the
/// math face's quad and x-height at the size where the length is used; the other units are absolute (TeX's pt is
/// 1/72.27 in, bp 1/72 in), converted by the layout at the formula's size.
/// </summary>
public sealed record MathLength(double Value, MathLengthUnit Unit, string Source)
{
    /// <summary>An absolute length in TeX points; null for em and ex, which depend on the font.</summary>
    public double? Points => Unit switch
    {
        MathLengthUnit.Pt => Value,
        MathLengthUnit.Bp => Value * 72.27 / 72,
        MathLengthUnit.Mm => Value * 72.27 / 25.4,
        MathLengthUnit.Cm => Value * 72.27 / 2.54,
        MathLengthUnit.In => Value * 72.27,
        MathLengthUnit.Pc => Value * 12,
        MathLengthUnit.Dd => Value * 1238 / 1157,
        MathLengthUnit.Cc => Value * 12 * 1238 / 1157,
        MathLengthUnit.Sp => Value / 65536,
        _ => null,
    };

    /// <summary>
    /// Reads a length as TeX reads one: an optional sign, a decimal number (a point or a comma before the decimals,
    /// digits on either side), then a unit, spaces allowed between and around them; units in any case. Null for
    /// anything else (<c>abc</c>, <c>2</c> without a unit, <c>2 furlongs</c>, a length held in a command such as
    /// <c>\jot</c>, which formulas do not define).
    /// </summary>
    public static MathLength? Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Trim();
        var i = 0;
        var negative = false;
        while (i < text.Length && (text[i] is '+' or '-' || char.IsWhiteSpace(text[i])))
        {
            if (text[i] == '-') negative = !negative;
            i++;
        }
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or ',')) i++;
        var number = text[start..i].Replace(',', '.');
        if (number.Count(c => c == '.') > 1 || !number.Any(char.IsAsciiDigit)
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return null;
        MathLengthUnit? unit = text[i..].Trim().ToLowerInvariant() switch
        {
            "em" => MathLengthUnit.Em,
            "ex" => MathLengthUnit.XHeight,
            "pt" => MathLengthUnit.Pt,
            "bp" => MathLengthUnit.Bp,
            "mm" => MathLengthUnit.Mm,
            "cm" => MathLengthUnit.Cm,
            "in" => MathLengthUnit.In,
            "pc" => MathLengthUnit.Pc,
            "dd" => MathLengthUnit.Dd,
            "cc" => MathLengthUnit.Cc,
            "sp" => MathLengthUnit.Sp,
            _ => null,
        };
        // -0pt is no space, like 0pt (and written so, not as "-0").
        var signed = negative && value != 0 ? -value : value;
        return unit is { } u ? new MathLength(signed, u, text) : null;
    }
}
