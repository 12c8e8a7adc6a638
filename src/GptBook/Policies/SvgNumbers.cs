using System.Globalization;

namespace GptBook.Policies;

/// <summary>
/// SVG's number syntax, shared by the sanitizer and the drawing reader: numbers as SVG writes them (<c>1e-3</c>,
/// <c>.5.5</c> is two numbers, <c>-1-2</c> too), lists separated by commas or whitespace, and lengths with CSS units.
/// </summary>
public static class SvgNumbers
{
    /// <summary>CSS pixels per unit (96 per inch).</summary>
    public static double? UnitFactor(string unit) => unit.ToLowerInvariant() switch
    {
        "" or "px" => 1,
        "pt" => 96.0 / 72,
        "pc" => 16,
        "mm" => 96 / 25.4,
        "cm" => 96 / 2.54,
        "q" => 96 / 101.6,
        "in" => 96,
        _ => null,
    };

    /// <summary>A length in CSS pixels when it is absolute and positive (no %, em, ex); else null.</summary>
    public static double? AbsoluteLength(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var span = value.Trim();
        var i = 0;
        if (!TryReadNumber(span, ref i, out var number)) return null;
        var factor = UnitFactor(span[i..].Trim());
        return factor is { } f && f * number > 0 && double.IsFinite(f * number) ? f * number : null;
    }

    /// <summary>Every number in a list such as a viewBox or points attribute; stops at the first thing that isn't one.</summary>
    public static IReadOnlyList<double> List(string? value)
    {
        var result = new List<double>();
        if (value == null) return result;
        var i = 0;
        while (true)
        {
            SkipSeparators(value, ref i);
            if (i >= value.Length || !TryReadNumber(value, ref i, out var number)) break;
            result.Add(number);
        }
        return result;
    }

    public static void SkipSeparators(string s, ref int i)
    {
        while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] == ',')) i++;
    }

    /// <summary>Reads one number at <paramref name="i"/> (advancing past it); false, and <paramref name="i"/> unchanged, if there is none.</summary>
    public static bool TryReadNumber(string s, ref int i, out double value)
    {
        value = 0;
        var start = i;
        var j = i;
        if (j < s.Length && s[j] is '+' or '-') j++;
        var digits = 0;
        while (j < s.Length && char.IsAsciiDigit(s[j])) { j++; digits++; }
        if (j < s.Length && s[j] == '.')
        {
            j++;
            while (j < s.Length && char.IsAsciiDigit(s[j])) { j++; digits++; }
        }
        if (digits == 0) return false;
        if (j < s.Length && s[j] is 'e' or 'E')
        {
            var k = j + 1;
            if (k < s.Length && s[k] is '+' or '-') k++;
            if (k < s.Length && char.IsAsciiDigit(s[k]))
            {
                while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
                j = k;
            }
        }
        if (!double.TryParse(s.AsSpan(start, j - start), NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            return false;
        i = j;
        return true;
    }
}
