using System.Globalization;
using System.Text;

namespace GptBook.Pdf;

/// <summary>
/// Puts our own XMP packet into a saved PDF. PDFsharp builds the catalog's metadata stream while saving, from a
/// fixed template (no PDF/X fields, unescaped values, random ids), after any hook a caller has. So the saved
/// file's metadata object is replaced in the bytes: the object is rewritten with the new packet, and the
/// cross-reference table's offsets after it, and <c>startxref</c>, are moved by the difference in length.
/// PDFsharp writes one classic cross-reference table, which is all this reads.
/// </summary>
internal static class MetadataStreamReplacer
{
    public static byte[] Replace(byte[] pdf, byte[] packet)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var packetAt = text.IndexOf("<?xpacket begin=", StringComparison.Ordinal);
        if (packetAt < 0) throw new InvalidOperationException("the saved PDF has no XMP packet");
        var objStart = text.LastIndexOf(" 0 obj", packetAt, StringComparison.Ordinal);
        while (objStart > 0 && char.IsAsciiDigit(text[objStart - 1])) objStart--;
        var number = text[objStart..text.IndexOf(' ', objStart)];
        var endMarker = "endobj";
        var objEnd = text.IndexOf(endMarker, packetAt, StringComparison.Ordinal) + endMarker.Length;
        var header = Encoding.ASCII.GetBytes($"{number} 0 obj\n<</Type/Metadata/Subtype/XML/Length {packet.Length.ToString(CultureInfo.InvariantCulture)}>>\nstream\n");
        var footer = "\nendstream\nendobj"u8.ToArray();
        var replacement = new byte[header.Length + packet.Length + footer.Length];
        header.CopyTo(replacement, 0);
        packet.CopyTo(replacement, header.Length);
        footer.CopyTo(replacement, header.Length + packet.Length);
        var delta = replacement.Length - (objEnd - objStart);

        using var output = new MemoryStream(pdf.Length + delta + 64);
        output.Write(pdf, 0, objStart);
        output.Write(replacement);
        var rest = Encoding.Latin1.GetString(pdf, objEnd, pdf.Length - objEnd);
        var xref = rest.LastIndexOf("\nxref", StringComparison.Ordinal);
        if (xref < 0) throw new InvalidOperationException("the metadata object is not before the cross-reference table");
        output.Write(pdf, objEnd, xref + 1);
        output.Write(Encoding.Latin1.GetBytes(ShiftTable(rest[(xref + 1)..], objStart, delta)));
        return output.ToArray();
    }

    /// <summary>The xref table, trailer and startxref with every offset beyond <paramref name="after"/> moved.</summary>
    private static string ShiftTable(string tail, int after, int delta)
    {
        var lines = tail.Split('\n');
        var sb = new StringBuilder(tail.Length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length >= 18 && line[10] == ' ' && line[16] == ' ' && (line[17] == 'n' || line[17] == 'f')
                && long.TryParse(line.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && line[17] == 'n' && offset > after)
                line = (offset + delta).ToString("D10", CultureInfo.InvariantCulture) + line[10..];
            else if (i > 0 && lines[i - 1] == "startxref" && long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
                line = (start + delta).ToString(CultureInfo.InvariantCulture);
            sb.Append(line);
            if (i < lines.Length - 1) sb.Append('\n');
        }
        return sb.ToString();
    }
}
