using System.Buffers.Binary;

namespace GptBook.Fonts;

/// <summary>
/// A GSUB table holding only given ligatures: one lookup of ligature substitutions (type 4) under the <c>ccmp</c>
/// feature of the default script, which every shaper applies to any text. A subset of the emoji face keeps its
/// sequences so (👨‍👩‍👧 one family glyph, not three faces): browsers form them only from the font's own GSUB.
/// </summary>
public static class LigatureTableWriter
{
    /// <param name="ligatures">Each ligature's component glyphs (at least two) and its glyph, in the subset's numbering,
    /// in the order they are to be tried for the same first glyph (longest first).</param>
    /// <returns>The table's bytes, or null when there is no ligature to keep.</returns>
    public static byte[]? Write(IReadOnlyList<(int[] Components, int Ligature)> ligatures)
    {
        if (ligatures.Count == 0) return null;
        var byFirst = ligatures.GroupBy(l => l.Components[0]).OrderBy(g => g.Key).ToArray();

        // The lookup's one subtable: LigatureSubstFormat1, then its coverage, then each first glyph's set of ligatures.
        var subtable = new List<byte>();
        var setsAt = 6 + 2 * byFirst.Length;
        var coverage = new List<byte>();
        U16(coverage, 1);
        U16(coverage, byFirst.Length);
        foreach (var group in byFirst) U16(coverage, group.Key);
        var sets = new List<byte>();
        var setOffsets = new List<int>();
        foreach (var group in byFirst)
        {
            var start = setsAt + coverage.Count + sets.Count;
            setOffsets.Add(start);
            var set = new List<byte>();
            var items = group.ToArray();
            U16(set, items.Length);
            var ligatureAt = 2 + 2 * items.Length;
            var bodies = new List<byte>();
            foreach (var (components, glyph) in items)
            {
                U16(set, ligatureAt + bodies.Count);
                U16(bodies, glyph);
                U16(bodies, components.Length);
                foreach (var component in components.Skip(1)) U16(bodies, component);
            }
            sets.AddRange(set);
            sets.AddRange(bodies);
        }
        U16(subtable, 1);
        U16(subtable, setsAt);
        U16(subtable, byFirst.Length);
        foreach (var offset in setOffsets) U16(subtable, offset);
        subtable.AddRange(coverage);
        subtable.AddRange(sets);
        if (subtable.Count + 64 > ushort.MaxValue) throw new InvalidOperationException("too many ligatures for one GSUB subtable");

        var table = new List<byte>();
        // Header: version 1.0, then the script, feature and lookup lists.
        U16(table, 1); U16(table, 0); U16(table, 10); U16(table, 30); U16(table, 44);
        // Script list: DFLT, whose default language system uses feature 0.
        U16(table, 1); Tag(table, "DFLT"); U16(table, 8);
        U16(table, 4); U16(table, 0);
        U16(table, 0); U16(table, 0xFFFF); U16(table, 1); U16(table, 0);
        // Feature list: ccmp, using lookup 0.
        U16(table, 1); Tag(table, "ccmp"); U16(table, 8);
        U16(table, 0); U16(table, 1); U16(table, 0);
        // Lookup list: one lookup of type 4 with one subtable.
        U16(table, 1); U16(table, 4);
        U16(table, 4); U16(table, 0); U16(table, 1); U16(table, 8);
        table.AddRange(subtable);
        return [.. table];
    }

    private static void U16(List<byte> into, int value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, checked((ushort)value));
        into.AddRange(bytes);
    }

    private static void Tag(List<byte> into, string tag) => into.AddRange(System.Text.Encoding.ASCII.GetBytes(tag));
}
