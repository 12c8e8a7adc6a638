using System.Buffers.Binary;
using GptBook.Fonts.MathTable;

namespace GptBook.Fonts;

/// <summary>
/// A font's ligatures from its GSUB table: the ligature substitutions (lookup type 4, also behind an extension,
/// type 7) of its <c>ccmp</c> and <c>liga</c> features, by first glyph, in the font's order (longest first, as fonts
/// list them and OpenType applies them). The emoji face keeps its ZWJ sequences, flags, keycaps and skin-tone
/// sequences here (🧑 ZWJ 💻 → one technologist glyph). Immutable once read.
/// </summary>
public sealed class GlyphLigatures
{
    private const int LigatureSubstitution = 4;

    private readonly Dictionary<int, List<(int[] Components, int Ligature)>> _byFirst = [];

    private GlyphLigatures(ReadOnlySpan<byte> gsub, string fontName)
    {
        var name = fontName + " GSUB";
        foreach (var (type, subtable) in GsubTable.Subtables(gsub, name, "ccmp", "liga"))
            if (type == LigatureSubstitution) ReadLigatures(gsub, subtable, name);
        // The longest first, whatever order the font lists them in: 👨‍👩‍👧 before 👨‍👩.
        foreach (var list in _byFirst.Values)
        {
            var ordered = list.OrderByDescending(l => l.Components.Length).ToArray();
            list.Clear();
            list.AddRange(ordered);
        }
    }

    /// <summary>The font's ligatures, or none when it has no GSUB table.</summary>
    public static GlyphLigatures Read(ReadOnlyMemory<byte>? gsub, string fontName) => new(gsub is { } bytes ? bytes.Span : [], fontName);

    /// <summary>How many ligatures the font has.</summary>
    public int Count => _byFirst.Values.Sum(l => l.Count);

    /// <summary>
    /// The ligature that <paramref name="glyphs"/> start with, and how many of them it takes (at least two), or
    /// null when none does.
    /// </summary>
    public (int Glyph, int Length)? Match(ReadOnlySpan<int> glyphs)
    {
        if (glyphs.Length < 2 || !_byFirst.TryGetValue(glyphs[0], out var candidates)) return null;
        foreach (var (rest, ligature) in candidates)
            if (rest.Length > 0 && rest.Length < glyphs.Length && glyphs.Slice(1, rest.Length).SequenceEqual(rest)) return (ligature, rest.Length + 1);
        return null;
    }

    /// <summary>
    /// The ligatures made only of glyphs <paramref name="has"/> holds (a subset's glyphs): each with all its
    /// components (the first too) and its glyph, by first glyph, then longest first as <see cref="Match"/> tries them.
    /// </summary>
    public IEnumerable<(int[] Components, int Ligature)> Within(Func<int, bool> has)
    {
        foreach (var (first, list) in _byFirst.OrderBy(f => f.Key))
        {
            if (!has(first)) continue;
            foreach (var (rest, ligature) in list)
                if (rest.Length > 0 && rest.All(has)) yield return ([first, .. rest], ligature);
        }
    }

    private void ReadLigatures(ReadOnlySpan<byte> gsub, int subtable, string name)
    {
        var covered = Coverage.Read(gsub, subtable + U16(gsub, subtable + 2, name), name);
        int setCount = U16(gsub, subtable + 4, name);
        for (var i = 0; i < Math.Min(setCount, covered.Length); i++)
        {
            var set = subtable + U16(gsub, subtable + 6 + 2 * i, name);
            if (!_byFirst.TryGetValue(covered[i], out var list)) _byFirst[covered[i]] = list = [];
            int count = U16(gsub, set, name);
            for (var k = 0; k < count; k++)
            {
                var ligature = set + U16(gsub, set + 2 + 2 * k, name);
                var rest = new int[Math.Max(0, U16(gsub, ligature + 2, name) - 1)];
                for (var c = 0; c < rest.Length; c++) rest[c] = U16(gsub, ligature + 4 + 2 * c, name);
                list.Add((rest, U16(gsub, ligature, name)));
            }
        }
    }

    private static int U16(ReadOnlySpan<byte> gsub, int offset, string name) => GsubTable.U16(gsub, offset, name);
}
