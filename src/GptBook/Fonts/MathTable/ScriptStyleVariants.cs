using System.Buffers.Binary;

namespace GptBook.Fonts.MathTable;

/// <summary>
/// The forms a math font draws for use in scripts, from its GSUB table's <c>ssty</c> feature (OpenType's "math script
/// style alternates"): for a glyph, the alternate for script style first, then the one for second-level scripts.
/// Only single and alternate substitutions carry these (lookup types 1 and 3, also behind an extension, type 7);
/// anything else in the feature is not a script form and is skipped. Immutable once read.
/// </summary>
public sealed class ScriptStyleVariants
{
    private const int SingleSubstitution = 1;
    private const int AlternateSubstitution = 3;

    private readonly Dictionary<int, int[]> _variants = [];

    private ScriptStyleVariants(ReadOnlySpan<byte> gsub, string fontName)
    {
        var name = fontName + " GSUB";
        foreach (var (type, subtable) in GsubTable.Subtables(gsub, name, "ssty"))
        {
            if (type == SingleSubstitution) ReadSingle(gsub, subtable, name);
            else if (type == AlternateSubstitution) ReadAlternates(gsub, subtable, name);
        }
    }

    /// <summary>The font's script forms, or an empty set when it has no GSUB table.</summary>
    public static ScriptStyleVariants Read(ReadOnlyMemory<byte>? gsub, string fontName) =>
        new(gsub is { } bytes ? bytes.Span : [], fontName);

    /// <summary>
    /// The form of <paramref name="glyphId"/> for a script (<paramref name="level"/> 1) or a script of a script
    /// (2; the last form the font has when it gives only one), or the glyph itself when the font has none.
    /// </summary>
    public int Variant(int glyphId, int level) =>
        _variants.TryGetValue(glyphId, out var forms) && forms.Length > 0 && level > 0 ? forms[Math.Min(level, forms.Length) - 1] : glyphId;

    private void ReadSingle(ReadOnlySpan<byte> gsub, int subtable, string name)
    {
        int format = U16(gsub, subtable, name);
        var covered = Coverage.Read(gsub, subtable + U16(gsub, subtable + 2, name), name);
        for (var i = 0; i < covered.Length; i++)
        {
            var substitute = format == 1
                ? (covered[i] + BinaryPrimitives.ReadInt16BigEndian(gsub[Checked(gsub, subtable + 4, 2, name)..])) & 0xFFFF
                : U16(gsub, subtable + 6 + 2 * i, name);
            _variants.TryAdd(covered[i], [substitute]);
        }
    }

    private void ReadAlternates(ReadOnlySpan<byte> gsub, int subtable, string name)
    {
        var covered = Coverage.Read(gsub, subtable + U16(gsub, subtable + 2, name), name);
        int setCount = U16(gsub, subtable + 4, name);
        for (var i = 0; i < Math.Min(setCount, covered.Length); i++)
        {
            var set = subtable + U16(gsub, subtable + 6 + 2 * i, name);
            var forms = new int[U16(gsub, set, name)];
            for (var k = 0; k < forms.Length; k++) forms[k] = U16(gsub, set + 2 + 2 * k, name);
            _variants.TryAdd(covered[i], forms);
        }
    }

    private static int U16(ReadOnlySpan<byte> gsub, int offset, string name) => GsubTable.U16(gsub, offset, name);

    private static int Checked(ReadOnlySpan<byte> gsub, int offset, int length, string name) => GsubTable.Checked(gsub, offset, length, name);
}
