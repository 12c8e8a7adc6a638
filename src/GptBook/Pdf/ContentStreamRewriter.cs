using System.Buffers;
using System.Globalization;

namespace GptBook.Pdf;

/// <summary>
/// Completes a page's content stream as PDFsharp wrote it, on its bytes (the stream is Latin-1 text; nothing here
/// decodes it): each formula's artifact opening followed by its mark (<see cref="FormulaStructureTagger"/>) becomes
/// the formula's marked content, and each string after a positioned-text comment (<see cref="PositionedTextWriter"/>)
/// becomes that stretch's positioned array, its glyph codes taken from PDFsharp's string in order. A stream without
/// either is returned as it is.
/// </summary>
internal static class ContentStreamRewriter
{
    /// <summary>Stands for the next glyph code PDFsharp wrote, in an array this fills in.</summary>
    public const char Glyph = '\u0001';

    /// <summary>Stands for the resource name of the font PDFsharp set for the string (its last Tf before the string).</summary>
    public const char FontName = '\u0002';

    /// <summary>The comment that precedes a positioned stretch's string, before the stretch's number.</summary>
    public const string Marker = "gptbook-tj ";

    private static ReadOnlySpan<byte> TjComment => "% gptbook-tj "u8;

    private static ReadOnlySpan<byte> FormulaArtifact => "/Artifact BMC\n% gptbook-formula "u8;

    /// <summary>
    /// <paramref name="content"/> with its marks completed. <paramref name="arrays"/> are the page's positioned arrays
    /// by number (each with how many glyphs PDFsharp's string must have); <paramref name="done"/> counts those found.
    /// </summary>
    public static byte[] Rewrite(byte[] content, (string Array, int Glyphs)[] arrays, ref int done)
    {
        var formulas = content.AsSpan().IndexOf(FormulaArtifact) >= 0;
        if (!formulas && content.AsSpan().IndexOf(TjComment) < 0) return content;
        var source = formulas ? WithFormulaContent(content) : content;
        return WithPositionedArrays(source, arrays, ref done);
    }

    /// <summary>Each <c>/Artifact BMC</c> followed by a formula's mark with its id, as <c>/Formula&lt;&lt;/MCID id&gt;&gt;BDC</c>.</summary>
    private static byte[] WithFormulaContent(byte[] content)
    {
        var output = new ArrayBufferWriter<byte>(content.Length);
        var rest = content.AsSpan();
        while (rest.IndexOf(FormulaArtifact) is var at and >= 0)
        {
            var after = rest[(at + FormulaArtifact.Length)..];
            var digits = Digits(after);
            if (digits == 0 || digits == after.Length || after[digits] != (byte)'\n')
            {
                output.Write(rest[..(at + FormulaArtifact.Length)]);
                rest = after;
                continue;
            }
            output.Write(rest[..at]);
            output.Write("/Formula<</MCID "u8);
            output.Write(after[..digits]);
            output.Write(">>BDC\n"u8);
            rest = after[(digits + 1)..];
        }
        output.Write(rest);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Each positioned-text comment with the lines PDFsharp wrote before its string (font, colour, position: lines
    /// that open neither with <c>%</c> nor with <c>&lt;</c>) and the string's <c>&lt;hex&gt; Tj</c>, as those lines
    /// followed by the stretch's array, filled in.
    /// </summary>
    private static byte[] WithPositionedArrays(byte[] content, (string Array, int Glyphs)[] arrays, ref int done)
    {
        var output = new ArrayBufferWriter<byte>(content.Length + content.Length / 2);
        var all = content.AsSpan();
        var position = 0;
        while (all[position..].IndexOf(TjComment) is var found and >= 0)
        {
            var at = position + found;
            var numberStart = at + TjComment.Length;
            var digits = Digits(all[numberStart..]);
            var lines = numberStart + digits + 1;
            if (digits == 0 || lines > all.Length || all[lines - 1] != (byte)'\n' || StringAfter(all, lines) is not var (hexStart, hexEnd))
            {
                // Not a stretch PDFsharp drew after its comment: left as it is, and the count below then tells.
                output.Write(all[position..numberStart]);
                position = numberStart;
                continue;
            }
            var (array, glyphs) = arrays[int.Parse(all.Slice(numberStart, digits), CultureInfo.InvariantCulture)];
            var hex = all[hexStart..hexEnd];
            var hexDigits = hex.Length - hex.Count((byte)'\n'); // PDFsharp breaks the line every 24 glyphs
            if (hexDigits != glyphs * 4) throw new InvalidOperationException($"a positioned string has {hexDigits / 4} glyphs, not {glyphs}");
            output.Write(all[position..at]);
            output.Write(all[lines..(hexStart - 1)]);
            WriteArray(output, array, all, hexStart, hexEnd);
            done++;
            position = hexEnd + "> Tj"u8.Length;
        }
        output.Write(all[position..]);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Where the hexadecimal digits of the string whose Tj ends the lines from <paramref name="start"/> begin and end
    /// (<c>&lt;</c> and <c>&gt; Tj</c> excluded); null when a line in between opens with <c>%</c> or <c>&lt;</c>, or the
    /// content ends first.
    /// </summary>
    private static (int Start, int End)? StringAfter(ReadOnlySpan<byte> all, int start)
    {
        var line = start;
        while (line < all.Length)
        {
            if (all[line] == (byte)'<')
            {
                var end = line + 1;
                while (end < all.Length && (IsHexDigit(all[end]) || all[end] == (byte)'\n')) end++;
                return all[end..].StartsWith("> Tj"u8) ? (line + 1, end) : null;
            }
            if (all[line] == (byte)'%') return null;
            var next = all[line..].IndexOf((byte)'\n');
            if (next < 0) return null;
            line += next + 1;
        }
        return null;
    }

    /// <summary>
    /// Writes <paramref name="array"/> with its placeholders filled: glyph codes from PDFsharp's string (its digits
    /// from <paramref name="hexStart"/> to <paramref name="hexEnd"/>), in order, and the name of the font set before it
    /// (looked for only when the array changes size).
    /// </summary>
    private static void WriteArray(ArrayBufferWriter<byte> output, string array, ReadOnlySpan<byte> all, int hexStart, int hexEnd)
    {
        var hex = all[hexStart..hexEnd];
        var h = 0;
        var open = false;
        foreach (var c in array)
        {
            if (c == FontName)
            {
                output.Write(FontBefore(all, hexStart));
                continue;
            }
            if (c != Glyph)
            {
                if (open) { Write(output, (byte)'>'); open = false; }
                Write(output, checked((byte)c));
                continue;
            }
            if (!open)
            {
                if (output.WrittenCount > 0 && char.IsAsciiDigit((char)output.WrittenSpan[^1])) Write(output, (byte)' ');
                Write(output, (byte)'<');
                open = true;
            }
            for (var k = 0; k < 4; h++)
                if (hex[h] != (byte)'\n') { Write(output, hex[h]); k++; }
        }
    }

    /// <summary>The resource name (<c>/F1</c>) of the font set by the last Tf before <paramref name="end"/>.</summary>
    private static ReadOnlySpan<byte> FontBefore(ReadOnlySpan<byte> all, int end)
    {
        var tf = all[..end].LastIndexOf(" Tf\n"u8);
        var line = tf < 0 ? -1 : all[..tf].LastIndexOf((byte)'\n') + 1;
        var name = tf < 0 ? -1 : all[line..].IndexOf((byte)' ');
        if (name < 0 || all[line] != (byte)'/') throw new InvalidOperationException("a positioned string that changes size has no font set before it");
        return all.Slice(line, name);
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var n = 0;
        while (n < text.Length && text[n] is >= (byte)'0' and <= (byte)'9') n++;
        return n;
    }

    private static bool IsHexDigit(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'F' or >= (byte)'a' and <= (byte)'f';

    private static void Write(ArrayBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}
