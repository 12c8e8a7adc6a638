using System.Buffers.Binary;

namespace GptBook.Fonts.MathTable;

/// <summary>
/// A font's OpenType MATH table, read whole when first asked for (20 kB in DejaVu Math TeX Gyre): the constants,
/// per-glyph italics corrections, top accent attachments, extended shapes and cut-in kerns (MathGlyphInfo), and
/// the vertical and horizontal variants and assemblies (MathVariants). Device tables are ignored: they adjust for
/// screen pixel sizes, which print has none of. All values are in font units. Immutable once read.
/// </summary>
public sealed class OpenTypeMathTable
{
    private const int ConstantsLength = 4 * 2 + 51 * 4 + 2;

    private readonly int[] _constants;
    private readonly Dictionary<int, int> _italics;
    private readonly Dictionary<int, int> _topAccents;
    private readonly HashSet<int> _extendedShapes;
    private readonly Dictionary<int, MathKern?[]> _kerns;
    private readonly Dictionary<int, GlyphConstruction> _vertical;
    private readonly Dictionary<int, GlyphConstruction> _horizontal;

    private OpenTypeMathTable(ReadOnlySpan<byte> t, string fontName)
    {
        var reader = new Reader(t, fontName);
        if (reader.U16(0) != 1) throw new FontFormatException($"{fontName}: MATH table version {reader.U16(0)} is not 1");
        _constants = ReadConstants(reader, reader.U16(4));

        // A zero offset means the subtable is absent: its values are then zero or empty.
        var glyphInfo = reader.U16(6);
        _italics = ReadValues(reader, Sub(reader, glyphInfo, 0));
        _topAccents = ReadValues(reader, Sub(reader, glyphInfo, 2));
        _extendedShapes = [.. Coverage.Read(t, Sub(reader, glyphInfo, 4), fontName + " MATH")];
        _kerns = ReadKerns(reader, Sub(reader, glyphInfo, 6));

        var variants = reader.U16(8);
        _vertical = [];
        _horizontal = [];
        if (variants == 0) return;
        MinConnectorOverlap = reader.U16(variants);
        var vertCoverage = Coverage.Read(t, Sub(reader, variants, 2), fontName + " MATH");
        var horizCoverage = Coverage.Read(t, Sub(reader, variants, 4), fontName + " MATH");
        int vertCount = reader.U16(variants + 6);
        int horizCount = reader.U16(variants + 8);
        _vertical = ReadConstructions(reader, variants, variants + 10, vertCoverage, vertCount);
        _horizontal = ReadConstructions(reader, variants, variants + 10 + 2 * vertCount, horizCoverage, horizCount);
    }

    /// <summary>Where the subtable whose offset is at <paramref name="field"/> of the table at <paramref name="parent"/> starts; 0 when absent.</summary>
    private static int Sub(Reader r, int parent, int field) =>
        parent == 0 ? 0 : r.U16(parent + field) is var offset and not 0 ? parent + offset : 0;

    /// <summary>The font's MATH table, or null when it has none.</summary>
    public static OpenTypeMathTable? Read(ReadOnlyMemory<byte>? table, string fontName) =>
        table is { } bytes ? new OpenTypeMathTable(bytes.Span, fontName) : null;

    /// <summary>A constant (see <see cref="MathConstant"/> for which are percentages).</summary>
    public int Constant(MathConstant constant) => _constants[(int)constant];

    /// <summary>How much assembled parts must overlap at least, in font units.</summary>
    public int MinConnectorOverlap { get; }

    /// <summary>The glyph's italics correction, 0 when the table gives none.</summary>
    public int ItalicsCorrection(int glyphId) => _italics.GetValueOrDefault(glyphId);

    /// <summary>Where an accent over the glyph is centred (x from the glyph's origin), or null: then at half its advance.</summary>
    public int? TopAccentAttachment(int glyphId) => _topAccents.TryGetValue(glyphId, out var x) ? x : null;

    /// <summary>Whether the glyph's ink goes beyond its nominal height and depth (delimiters, big operators, radicals).</summary>
    public bool IsExtendedShape(int glyphId) => _extendedShapes.Contains(glyphId);

    /// <summary>The cut-in kern at a corner of the glyph, or null when it has none there.</summary>
    public MathKern? Kern(int glyphId, MathKernCorner corner) => _kerns.TryGetValue(glyphId, out var k) ? k[(int)corner] : null;

    /// <summary>The taller forms of a glyph (delimiters, radicals, integrals), or null.</summary>
    public GlyphConstruction? Vertical(int glyphId) => _vertical.GetValueOrDefault(glyphId);

    /// <summary>The wider forms of a glyph (accents, braces, arrows), or null.</summary>
    public GlyphConstruction? Horizontal(int glyphId) => _horizontal.GetValueOrDefault(glyphId);

    private static int[] ReadConstants(Reader r, int offset)
    {
        var values = new int[Enum.GetValues<MathConstant>().Length];
        if (offset == 0) return values;
        r.Need(offset, ConstantsLength);
        for (var i = 0; i < 4; i++) values[i] = i < 2 ? r.S16(offset + 2 * i) : r.U16(offset + 2 * i);
        for (var i = 0; i < 51; i++) values[4 + i] = r.S16(offset + 8 + 4 * i); // MathValueRecord: value, device offset
        values[^1] = r.S16(offset + 8 + 51 * 4);
        return values;
    }

    /// <summary>A coverage followed by a count and that many MathValueRecords (italics corrections, accent attachments).</summary>
    private static Dictionary<int, int> ReadValues(Reader r, int offset)
    {
        var values = new Dictionary<int, int>();
        if (offset == 0) return values;
        var glyphs = Coverage.Read(r.Table, offset + r.U16(offset), r.FontName + " MATH");
        int count = r.U16(offset + 2);
        for (var i = 0; i < Math.Min(count, glyphs.Length); i++) values[glyphs[i]] = r.S16(offset + 4 + 4 * i);
        return values;
    }

    private static Dictionary<int, MathKern?[]> ReadKerns(Reader r, int offset)
    {
        var kerns = new Dictionary<int, MathKern?[]>();
        if (offset == 0) return kerns;
        var glyphs = Coverage.Read(r.Table, offset + r.U16(offset), r.FontName + " MATH");
        int count = r.U16(offset + 2);
        for (var i = 0; i < Math.Min(count, glyphs.Length); i++)
        {
            var corners = new MathKern?[4];
            for (var c = 0; c < 4; c++)
            {
                var kernOffset = r.U16(offset + 4 + 8 * i + 2 * c);
                if (kernOffset != 0) corners[c] = ReadKern(r, offset + kernOffset);
            }
            kerns[glyphs[i]] = corners;
        }
        return kerns;
    }

    private static MathKern ReadKern(Reader r, int offset)
    {
        int heights = r.U16(offset);
        var h = new int[heights];
        var k = new int[heights + 1];
        for (var i = 0; i < heights; i++) h[i] = r.S16(offset + 2 + 4 * i);
        for (var i = 0; i <= heights; i++) k[i] = r.S16(offset + 2 + 4 * heights + 4 * i);
        return new MathKern(h, k);
    }

    private static Dictionary<int, GlyphConstruction> ReadConstructions(Reader r, int variants, int offsets, int[] coverage, int count)
    {
        var result = new Dictionary<int, GlyphConstruction>();
        for (var i = 0; i < Math.Min(count, coverage.Length); i++)
        {
            var construction = variants + r.U16(offsets + 2 * i);
            var assemblyOffset = r.U16(construction);
            int variantCount = r.U16(construction + 2);
            var list = new GlyphVariant[variantCount];
            for (var v = 0; v < variantCount; v++)
                list[v] = new GlyphVariant(r.U16(construction + 4 + 4 * v), r.U16(construction + 6 + 4 * v));
            result[coverage[i]] = new GlyphConstruction(list, assemblyOffset == 0 ? null : ReadAssembly(r, construction + assemblyOffset));
        }
        return result;
    }

    private static GlyphAssembly ReadAssembly(Reader r, int offset)
    {
        int italics = r.S16(offset);
        int partCount = r.U16(offset + 4);
        var parts = new GlyphPart[partCount];
        for (var p = 0; p < partCount; p++)
        {
            var o = offset + 6 + 10 * p;
            parts[p] = new GlyphPart(r.U16(o), r.U16(o + 2), r.U16(o + 4), r.U16(o + 6), (r.U16(o + 8) & 1) != 0);
        }
        return new GlyphAssembly(italics, parts);
    }

    /// <summary>Bounds-checked big-endian reads: a truncated table is a format error naming the font, never an exception from a span.</summary>
    private readonly ref struct Reader(ReadOnlySpan<byte> table, string fontName)
    {
        public ReadOnlySpan<byte> Table { get; } = table;

        public string FontName { get; } = fontName;

        public int U16(int offset)
        {
            Need(offset, 2);
            return BinaryPrimitives.ReadUInt16BigEndian(Table[offset..]);
        }

        public int S16(int offset)
        {
            Need(offset, 2);
            return BinaryPrimitives.ReadInt16BigEndian(Table[offset..]);
        }

        public void Need(int offset, int length)
        {
            if (offset < 0 || offset + length > Table.Length)
                throw new FontFormatException($"{FontName}: MATH table truncated at offset {offset}");
        }
    }
}
