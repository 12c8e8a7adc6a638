using System.Buffers.Binary;

namespace GptBook.Fonts.MathTable;

/// <summary>
/// An OpenType coverage table read into a list: the glyph at coverage index i (format 1, a sorted glyph array, or
/// format 2, glyph ranges with their start index). The MATH table's per-glyph arrays and GSUB's substitutions are
/// indexed this way.
/// </summary>
internal static class Coverage
{
    public static int[] Read(ReadOnlySpan<byte> table, int offset, string tableName)
    {
        if (offset == 0) return [];
        Check(table, offset, 4, tableName);
        var format = BinaryPrimitives.ReadUInt16BigEndian(table[offset..]);
        int count = BinaryPrimitives.ReadUInt16BigEndian(table[(offset + 2)..]);
        switch (format)
        {
            case 1:
            {
                Check(table, offset + 4, 2 * count, tableName);
                var glyphs = new int[count];
                for (var i = 0; i < count; i++) glyphs[i] = BinaryPrimitives.ReadUInt16BigEndian(table[(offset + 4 + 2 * i)..]);
                return glyphs;
            }
            case 2:
            {
                Check(table, offset + 4, 6 * count, tableName);
                var glyphs = new List<(int Index, int Glyph)>();
                for (var r = 0; r < count; r++)
                {
                    var record = table[(offset + 4 + 6 * r)..];
                    int start = BinaryPrimitives.ReadUInt16BigEndian(record);
                    int end = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
                    int index = BinaryPrimitives.ReadUInt16BigEndian(record[4..]);
                    for (var g = start; g <= end; g++) glyphs.Add((index + g - start, g));
                }
                var result = new int[glyphs.Count == 0 ? 0 : glyphs.Max(x => x.Index) + 1];
                foreach (var (index, glyph) in glyphs) result[index] = glyph;
                return result;
            }
            default:
                throw new FontFormatException($"{tableName}: coverage format {format} is not 1 or 2");
        }
    }

    private static void Check(ReadOnlySpan<byte> table, int offset, int length, string tableName)
    {
        if (offset < 0 || length < 0 || offset + length > table.Length)
            throw new FontFormatException($"{tableName}: table truncated at offset {offset}");
    }
}
