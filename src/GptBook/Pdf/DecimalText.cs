using System.Globalization;
using System.Text;

namespace GptBook.Pdf;

/// <summary>
/// Writes a number as <c>value.ToString("0.#…#", CultureInfo.InvariantCulture)</c> with up to four decimals does,
/// character for character, without going through .NET's general number formatting (which first converts the double
/// to 15 significant digits, then rounds those digits half up at the last decimal): a formula's glyph positions and
/// sizes are thousands of numbers per book. The value is scaled and rounded directly wherever that must give the
/// same digits: its magnitude small enough (below 10⁷ decimal units) that the 15-digit conversion moves it by far less
/// than the margin kept from a half unit (10⁻⁶ of a unit), so both round the same way. Numbers near a half unit, large
/// numbers, and numbers that round to zero (.NET writes "-0" for a small negative one) are left to .NET.
/// </summary>
internal static class DecimalText
{
    private static readonly string[] Formats = ["0", "0.#", "0.##", "0.###", "0.####"];
    private static readonly long[] Units = [1, 10, 100, 1000, 10000];

    /// <summary>Appends <paramref name="value"/> with at most <paramref name="decimals"/> decimals (0–4), trailing zeros dropped.</summary>
    public static StringBuilder Append(StringBuilder sb, double value, int decimals)
    {
        Span<char> text = stackalloc char[32];
        var length = Write(text, value, decimals);
        return length < 0 ? sb.Append(Fallback(value, decimals)) : sb.Append(text[..length]);
    }

    /// <summary><paramref name="value"/> with at most <paramref name="decimals"/> decimals (0–4), trailing zeros dropped.</summary>
    public static string Format(double value, int decimals)
    {
        Span<char> text = stackalloc char[32];
        var length = Write(text, value, decimals);
        return length < 0 ? Fallback(value, decimals) : new string(text[..length]);
    }

    private static string Fallback(double value, int decimals) => value.ToString(Formats[decimals], CultureInfo.InvariantCulture);

    /// <summary>The number's characters in <paramref name="text"/>, and their count; -1 where .NET is to format it.</summary>
    private static int Write(Span<char> text, double value, int decimals)
    {
        var unit = Units[decimals];
        var scaled = Math.Abs(value) * unit;
        if (!(scaled < 1e7)) return -1;
        var whole = Math.Floor(scaled);
        var fraction = scaled - whole;
        if (Math.Abs(fraction - 0.5) < 1e-6) return -1;
        var units = (long)whole + (fraction > 0.5 ? 1 : 0);
        if (units == 0) return -1;
        var n = 0;
        if (value < 0) text[n++] = '-';
        var integer = units / unit;
        var digits = 1;
        for (var rest = integer / 10; rest != 0; rest /= 10) digits++;
        for (var i = digits - 1; i >= 0; i--, integer /= 10) text[n + i] = (char)('0' + integer % 10);
        n += digits;
        var decimalPart = units % unit;
        if (decimalPart == 0) return n;
        text[n++] = '.';
        // The decimals with their leading zeros, without the trailing ones.
        for (var divisor = unit / 10; decimalPart != 0; divisor /= 10)
        {
            var digit = decimalPart / divisor;
            text[n++] = (char)('0' + digit);
            decimalPart -= digit * divisor;
        }
        return n;
    }
}
