using System.Globalization;
using System.Text;

namespace GptBook.Pdf;

/// <summary>
/// Replaces whole indirect objects in a PDF that PDFsharp has just saved, in one pass over the bytes, without
/// parsing them: the streams PDFsharp only builds while saving (font programs, ToUnicode maps, the XMP packet) are
/// out of reach of any code before the save and rewritten after it (see <see cref="PdfStreamFinisher"/>). An
/// object's extent is read from the cross-reference table: it runs from its offset to the next object's (or the
/// table). The objects between are copied as they are, and the table and <c>startxref</c> are written again with
/// the offsets moved. PDFsharp writes one classic cross-reference table of 20-byte entries, which is all this reads.
/// </summary>
internal static class SavedObjectReplacer
{
    /// <param name="pdf">The saved file.</param>
    /// <param name="replacements">Object number → the whole new object, <c>N G obj</c> to <c>endobj</c> and its newline.</param>
    public static byte[] Replace(byte[] pdf, IReadOnlyDictionary<int, byte[]> replacements)
    {
        var xrefStart = StartXref(pdf);
        var table = XrefTable.Read(pdf, xrefStart);
        var inUse = Enumerable.Range(0, table.Offsets.Length).Where(i => table.InUse[i]).OrderBy(i => table.Offsets[i]).ToArray();
        foreach (var number in replacements.Keys)
            if (number >= table.Offsets.Length || !table.InUse[number]) throw new InvalidOperationException($"object {number} is not in the saved PDF");

        var added = replacements.Values.Sum(r => (long)r.Length);
        using var output = new MemoryStream((int)Math.Min(int.MaxValue, pdf.Length + added + 64));
        var newOffsets = (long[])table.Offsets.Clone();
        long cursor = 0, delta = 0;
        for (var k = 0; k < inUse.Length; k++)
        {
            var number = inUse[k];
            var start = table.Offsets[number];
            newOffsets[number] = start + delta;
            if (!replacements.TryGetValue(number, out var replacement)) continue;
            var end = k + 1 < inUse.Length ? table.Offsets[inUse[k + 1]] : xrefStart;
            output.Write(pdf, (int)cursor, (int)(start - cursor));
            output.Write(replacement);
            delta += replacement.Length - (end - start);
            cursor = end;
        }
        output.Write(pdf, (int)cursor, (int)(xrefStart - cursor));

        var sb = new StringBuilder(table.Header.Length + 20 * newOffsets.Length);
        sb.Append(table.Header);
        for (var i = 0; i < newOffsets.Length; i++)
            sb.Append(table.InUse[i]
                ? string.Create(CultureInfo.InvariantCulture, $"{newOffsets[i]:0000000000} {table.Generations[i]:00000} n \n")
                : table.FreeEntries[i]);
        output.Write(Encoding.ASCII.GetBytes(sb.ToString()));

        var tail = Encoding.Latin1.GetString(pdf, table.End, pdf.Length - table.End);
        var startxref = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        output.Write(Encoding.Latin1.GetBytes(tail[..startxref]));
        output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"startxref\n{xrefStart + delta}\n%%EOF\n")));
        return output.ToArray();
    }

    /// <summary>A stream object as PDFsharp writes one in its compact layout.</summary>
    public static byte[] StreamObject(int number, int generation, string dictionary, byte[] data)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{number} {generation} obj\n<<{dictionary}>>\nstream\n"));
        var footer = "\nendstream\nendobj\n"u8;
        var bytes = new byte[header.Length + data.Length + footer.Length];
        header.CopyTo(bytes, 0);
        data.CopyTo(bytes, header.Length);
        footer.CopyTo(bytes.AsSpan(header.Length + data.Length));
        return bytes;
    }

    private static long StartXref(byte[] pdf)
    {
        var tailLength = Math.Min(pdf.Length, 1024);
        var tail = Encoding.Latin1.GetString(pdf, pdf.Length - tailLength, tailLength);
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("the saved PDF has no startxref");
        var digits = tail[(at + "startxref".Length)..].TrimStart().TakeWhile(char.IsAsciiDigit).ToArray();
        return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The one cross-reference section PDFsharp writes: <c>xref</c>, <c>0 N</c>, then N entries of 20 bytes.</summary>
    private sealed record XrefTable(string Header, long[] Offsets, int[] Generations, bool[] InUse, string[] FreeEntries, int End)
    {
        public static XrefTable Read(byte[] pdf, long xrefStart)
        {
            var at = (int)xrefStart;
            var headerEnd = at;
            for (var lines = 0; lines < 2; headerEnd++)
                if (pdf[headerEnd] == (byte)'\n') lines++;
            var header = Encoding.ASCII.GetString(pdf, at, headerEnd - at);
            var subsection = header.Split('\n')[1].Split(' ');
            if (!header.StartsWith("xref\n", StringComparison.Ordinal) || subsection[0] != "0")
                throw new InvalidOperationException("the saved PDF's cross-reference table is not the single section PDFsharp writes");
            var count = int.Parse(subsection[1], NumberStyles.None, CultureInfo.InvariantCulture);
            var offsets = new long[count];
            var generations = new int[count];
            var inUse = new bool[count];
            var free = new string[count];
            for (var i = 0; i < count; i++)
            {
                var entry = Encoding.ASCII.GetString(pdf, headerEnd + 20 * i, 20);
                inUse[i] = entry[17] == 'n';
                if (!inUse[i]) { free[i] = entry; continue; }
                offsets[i] = long.Parse(entry.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture);
                generations[i] = int.Parse(entry.AsSpan(11, 5), NumberStyles.None, CultureInfo.InvariantCulture);
            }
            return new XrefTable(header, offsets, generations, inUse, free, headerEnd + 20 * count);
        }
    }
}
