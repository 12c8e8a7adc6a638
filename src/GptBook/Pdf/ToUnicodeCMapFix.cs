using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GptBook.Pdf;

/// <summary>
/// PDFsharp 6.2.4 writes a font's ToUnicode map with a character outside the Basic Multilingual Plane (𠮷, 😀, 𝐀)
/// as its bare code point in five or six hex digits (<c>&lt;20BB7&gt;</c>), but a ToUnicode destination is UTF-16BE,
/// so viewers read the first four digits as another character and copying or searching the text fails. This
/// rewrites such maps: every bfrange entry becomes one entry per glyph, with supplementary characters as surrogate
/// pairs (<c>&lt;D842DFB7&gt;</c>), at most 100 entries per block as the CMap format requires.
/// </summary>
internal static partial class ToUnicodeCMapFix
{
    /// <summary>The corrected map, or null when <paramref name="cmap"/> is not a ToUnicode map needing a fix.</summary>
    public static byte[]? TryFix(byte[] cmap)
    {
        var text = Encoding.Latin1.GetString(cmap);
        if (!text.Contains("beginbfrange", StringComparison.Ordinal) || !WideDestination().IsMatch(text)) return null;
        var fixedText = RangeBlock().Replace(text, block =>
        {
            var entries = new List<(int Code, string Destination)>();
            foreach (Match entry in RangeEntry().Matches(block.Groups[1].Value))
            {
                var first = int.Parse(entry.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var last = int.Parse(entry.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var start = int.Parse(entry.Groups[3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                for (var code = first; code <= last && code - first < 0x10000; code++)
                    entries.Add((code, Utf16Hex(start + code - first)));
            }
            var sb = new StringBuilder();
            for (var i = 0; i < entries.Count; i += 100)
            {
                var chunk = entries.Skip(i).Take(100).ToArray();
                sb.Append(chunk.Length.ToString(CultureInfo.InvariantCulture)).Append(" beginbfrange\n");
                foreach (var (code, destination) in chunk)
                    sb.Append(CultureInfo.InvariantCulture, $"<{code:X4}><{code:X4}><{destination}>\n");
                sb.Append("endbfrange\n");
            }
            return sb.ToString();
        });
        return Encoding.Latin1.GetBytes(fixedText);
    }

    private static string Utf16Hex(int codePoint)
    {
        if (codePoint < 0x10000) return codePoint.ToString("X4", CultureInfo.InvariantCulture);
        var s = char.ConvertFromUtf32(codePoint);
        return $"{(int)s[0]:X4}{(int)s[1]:X4}";
    }

    /// <summary>A destination of five or six hex digits: a code point, not UTF-16.</summary>
    [GeneratedRegex(@"<[0-9A-Fa-f]{4}>\s*<[0-9A-Fa-f]{4}>\s*<[0-9A-Fa-f]{5,6}>")]
    private static partial Regex WideDestination();

    [GeneratedRegex(@"\d+\s+beginbfrange\s*(.*?)endbfrange\s*", RegexOptions.Singleline)]
    private static partial Regex RangeBlock();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex RangeEntry();
}
