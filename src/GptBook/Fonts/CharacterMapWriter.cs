using System.Buffers.Binary;

namespace GptBook.Fonts;

/// <summary>
/// Writes a cmap table for a subset: a Windows Unicode BMP subtable (format 4) and a Windows full-Unicode subtable
/// (format 12), each as runs of consecutive characters with consecutive glyphs. Browsers and their font sanitizers
/// accept either; both are written so that every one finds the subtable it looks for.
/// </summary>
internal static class CharacterMapWriter
{
    /// <param name="map">Code point → glyph id, code points ascending and distinct.</param>
    public static byte[] Write(IReadOnlyList<(int CodePoint, int Glyph)> map)
    {
        var runs = Runs(map);
        var bmpRuns = Runs(map.Where(m => m.CodePoint < 0xFFFF).ToArray());
        // Format 4 holds at most 65535 bytes; a set too scattered for it is served by format 12 alone.
        var format4 = 16 + 8 * (bmpRuns.Count + 1) <= 0xFFFF ? Format4(bmpRuns) : null;
        var format12 = Format12(runs);
        var subtables = format4 == null ? new[] { (Encoding: 10, Table: format12) } : [(1, format4), (10, format12)];

        using var output = new MemoryStream();
        var header = new byte[4 + 8 * subtables.Length];
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)subtables.Length);
        var offset = header.Length;
        for (var i = 0; i < subtables.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4 + 8 * i), 3);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6 + 8 * i), (ushort)subtables[i].Encoding);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8 + 8 * i), (uint)offset);
            offset += subtables[i].Table.Length;
        }
        output.Write(header);
        foreach (var (_, table) in subtables) output.Write(table);
        return output.ToArray();
    }

    private static List<(int First, int Last, int Glyph)> Runs(IReadOnlyList<(int CodePoint, int Glyph)> map)
    {
        var runs = new List<(int First, int Last, int Glyph)>();
        foreach (var (c, g) in map)
        {
            if (runs.Count > 0 && runs[^1].Last + 1 == c && runs[^1].Glyph + (c - runs[^1].First) == g)
                runs[^1] = (runs[^1].First, c, runs[^1].Glyph);
            else runs.Add((c, c, g));
        }
        return runs;
    }

    private static byte[] Format4(List<(int First, int Last, int Glyph)> runs)
    {
        var segments = runs.Append((0xFFFF, 0xFFFF, 0)).ToArray(); // the required final segment
        var count = segments.Length;
        var table = new byte[16 + 8 * count];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 4);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)table.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(2 * count));
        var power = 1;
        var log = 0;
        while (power * 2 <= count) { power *= 2; log++; }
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)(2 * power));
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)(2 * count - 2 * power));
        for (var i = 0; i < count; i++)
        {
            var (first, last, glyph) = segments[i];
            BinaryPrimitives.WriteUInt16BigEndian(span[(14 + 2 * i)..], (ushort)last);
            BinaryPrimitives.WriteUInt16BigEndian(span[(16 + 2 * count + 2 * i)..], (ushort)first);
            var delta = first == 0xFFFF ? 1 : (glyph - first) & 0xFFFF;
            BinaryPrimitives.WriteUInt16BigEndian(span[(16 + 4 * count + 2 * i)..], (ushort)delta);
            // idRangeOffset stays 0: every segment maps by delta.
        }
        return table;
    }

    private static byte[] Format12(List<(int First, int Last, int Glyph)> runs)
    {
        var table = new byte[16 + 12 * runs.Count];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 12);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)table.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], (uint)runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(16 + 12 * i)..], (uint)runs[i].First);
            BinaryPrimitives.WriteUInt32BigEndian(span[(20 + 12 * i)..], (uint)runs[i].Last);
            BinaryPrimitives.WriteUInt32BigEndian(span[(24 + 12 * i)..], (uint)runs[i].Glyph);
        }
        return table;
    }
}
