using System.Buffers.Binary;

namespace GptBook.Fonts.MathTable;

/// <summary>
/// The part of reading a GSUB table that its readers share (the emoji face's ligatures, the math font's script
/// forms): which lookups the features of some tags use, and each lookup's subtables, an extension subtable (type 7)
/// resolved to the type and offset it wraps. Every read is bounds-checked; a truncated table is a
/// <see cref="FontFormatException"/> naming the font.
/// </summary>
internal static class GsubTable
{
    private const int ExtensionSubstitution = 7;

    /// <summary>
    /// Every subtable (its substitution type and its offset in the table) of the lookups that the features tagged
    /// with one of <paramref name="tags"/> use, each lookup once, in the order the features name them. None for an
    /// empty table (the font has no GSUB).
    /// </summary>
    public static List<(int Type, int Offset)> Subtables(ReadOnlySpan<byte> gsub, string name, params string[] tags)
    {
        var subtables = new List<(int Type, int Offset)>();
        if (gsub.IsEmpty) return subtables;
        var features = U16(gsub, 6, name);
        var lookups = U16(gsub, 8, name);
        int featureCount = U16(gsub, features, name);
        var read = new HashSet<int>();
        for (var f = 0; f < featureCount; f++)
        {
            var record = features + 2 + 6 * f;
            var tag = System.Text.Encoding.ASCII.GetString(gsub.Slice(Checked(gsub, record, 4, name), 4));
            if (!tags.Contains(tag)) continue;
            var feature = features + U16(gsub, record + 4, name);
            int lookupCount = U16(gsub, feature + 2, name);
            for (var l = 0; l < lookupCount; l++)
            {
                int index = U16(gsub, feature + 4 + 2 * l, name);
                if (read.Add(index)) AddSubtables(gsub, lookups + U16(gsub, lookups + 2 + 2 * index, name), name, subtables);
            }
        }
        return subtables;
    }

    public static int U16(ReadOnlySpan<byte> gsub, int offset, string name) =>
        BinaryPrimitives.ReadUInt16BigEndian(gsub[Checked(gsub, offset, 2, name)..]);

    public static int Checked(ReadOnlySpan<byte> gsub, int offset, int length, string name) =>
        offset >= 0 && offset + length <= gsub.Length ? offset : throw new FontFormatException($"{name}: table truncated at offset {offset}");

    private static void AddSubtables(ReadOnlySpan<byte> gsub, int lookup, string name, List<(int Type, int Offset)> subtables)
    {
        int type = U16(gsub, lookup, name);
        int subtableCount = U16(gsub, lookup + 4, name);
        for (var s = 0; s < subtableCount; s++)
        {
            var subtable = lookup + U16(gsub, lookup + 6 + 2 * s, name);
            if (type != ExtensionSubstitution) subtables.Add((type, subtable));
            else
                subtables.Add((U16(gsub, subtable + 2, name),
                    subtable + checked((int)BinaryPrimitives.ReadUInt32BigEndian(gsub[Checked(gsub, subtable + 4, 4, name)..]))));
        }
    }
}
