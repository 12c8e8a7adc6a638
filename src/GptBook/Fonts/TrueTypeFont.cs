using System.Buffers.Binary;
using System.Runtime.InteropServices;
using GptBook.Fonts.MathTable;
using GptBook.Units;

namespace GptBook.Fonts;

/// <summary>
/// A TrueType font read from its own tables: head, maxp, hhea, OS/2, post, hmtx and cmap when loaded (a few
/// hundred kilobytes of a 15 MB file), loca and glyf only when an outline is first asked for. Immutable and
/// thread-safe once constructed. Measuring a character is a cmap array lookup plus an advance array lookup.
/// </summary>
public sealed class TrueTypeFont
{
    private readonly ReadOnlyMemory<byte> _file;
    private readonly FontTableDirectory _tables;
    private readonly CharacterMap _cmap;
    private readonly ushort[] _advances;
    private readonly double _emPerUnit;
    private readonly Lazy<GlyphOutlineReader> _outlines;
    private readonly bool _longLocaOffsets;
    private readonly Lazy<OpenTypeMathTable?> _math;
    private readonly Lazy<ScriptStyleVariants> _scriptForms;
    private readonly Lazy<GlyphLigatures> _ligatures;
    private readonly Lazy<byte[]> _fileArray;

    private TrueTypeFont(ReadOnlyMemory<byte> file, string name)
    {
        Name = name;
        _file = file;
        // The array a face parsed from one already is; a mapped file's copy, made once when first asked for.
        _fileArray = new(() => MemoryMarshal.TryGetArray(file, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : file.ToArray(), LazyThreadSafetyMode.ExecutionAndPublication);
        _tables = FontTableDirectory.Read(file.Span, name);

        var head = _tables.Required(_file, "head", name, 54).Span;
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        if (UnitsPerEm is < 16 or > 16384) throw new FontFormatException($"{name}: unitsPerEm {UnitsPerEm} out of range");
        _emPerUnit = 1.0 / UnitsPerEm;
        _longLocaOffsets = BinaryPrimitives.ReadInt16BigEndian(head[50..]) != 0;

        GlyphCount = BinaryPrimitives.ReadUInt16BigEndian(_tables.Required(_file, "maxp", name, 6).Span[4..]);

        var hhea = _tables.Required(_file, "hhea", name, 36).Span;
        HheaAscender = BinaryPrimitives.ReadInt16BigEndian(hhea[4..]);
        HheaDescender = BinaryPrimitives.ReadInt16BigEndian(hhea[6..]);
        HheaLineGap = BinaryPrimitives.ReadInt16BigEndian(hhea[8..]);
        int metricCount = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);

        if (_tables.Optional(_file, "OS/2") is { Length: >= 78 } os2Memory)
        {
            var os2 = os2Memory.Span;
            TypoAscender = BinaryPrimitives.ReadInt16BigEndian(os2[68..]);
            TypoDescender = BinaryPrimitives.ReadInt16BigEndian(os2[70..]);
            TypoLineGap = BinaryPrimitives.ReadInt16BigEndian(os2[72..]);
            WinAscent = BinaryPrimitives.ReadUInt16BigEndian(os2[74..]);
            WinDescent = BinaryPrimitives.ReadUInt16BigEndian(os2[76..]);
            if (os2.Length >= 90)
            {
                XHeight = BinaryPrimitives.ReadInt16BigEndian(os2[86..]);
                CapHeight = BinaryPrimitives.ReadInt16BigEndian(os2[88..]);
            }
        }
        else
        {
            (TypoAscender, TypoDescender, TypoLineGap) = (HheaAscender, HheaDescender, HheaLineGap);
            (WinAscent, WinDescent) = (HheaAscender, -HheaDescender);
        }

        if (_tables.Optional(_file, "post") is { Length: >= 12 } postMemory)
        {
            UnderlinePosition = BinaryPrimitives.ReadInt16BigEndian(postMemory.Span[8..]);
            UnderlineThickness = BinaryPrimitives.ReadInt16BigEndian(postMemory.Span[10..]);
        }

        _advances = ReadAdvances(_tables.Required(_file, "hmtx", name).Span, metricCount, GlyphCount, name);
        _cmap = CharacterMap.Read(_tables.Required(_file, "cmap", name).Span, GlyphCount, name);
        _outlines = new Lazy<GlyphOutlineReader>(() => new GlyphOutlineReader(
            _tables.Required(_file, "loca", Name), _tables.Required(_file, "glyf", Name), _longLocaOffsets, GlyphCount, Name));
        _math = new Lazy<OpenTypeMathTable?>(() => OpenTypeMathTable.Read(Table("MATH"), Name));
        _scriptForms = new Lazy<ScriptStyleVariants>(() => ScriptStyleVariants.Read(Table("GSUB"), Name));
        _ligatures = new Lazy<GlyphLigatures>(() => GlyphLigatures.Read(Table("GSUB"), Name));
    }

    /// <summary>The OpenType MATH table (read on first use), or null when the font has none.</summary>
    public OpenTypeMathTable? MathTable => _math.Value;

    /// <summary>The glyphs' forms for scripts (GSUB <c>ssty</c>, read on first use); none when the font has no GSUB.</summary>
    public ScriptStyleVariants ScriptForms => _scriptForms.Value;

    /// <summary>The glyphs' ligatures (GSUB <c>ccmp</c> and <c>liga</c>, read on first use); none when the font has no GSUB.</summary>
    public GlyphLigatures Ligatures => _ligatures.Value;

    /// <summary>
    /// Reads a font file, mapped into memory rather than copied (<see cref="MappedFontFile"/>). Throws
    /// <see cref="FontFormatException"/> when it is not a TrueType font we can read.
    /// </summary>
    public static TrueTypeFont Load(string path) => new(MappedFontFile.Map(path), Path.GetFileName(path));

    /// <summary>Reads a font from its bytes; <paramref name="name"/> only labels error messages.</summary>
    public static TrueTypeFont Parse(byte[] file, string name) => new(file, name);

    /// <summary>A table's bytes as they are in the file, or null when the font has none (for writers that copy
    /// tables: the web-font subsetter).</summary>
    internal ReadOnlyMemory<byte>? Table(string tag) => _tables.Contains(tag) ? _tables.Optional(_file, tag) : null;

    /// <summary>The tags of the tables the file holds.</summary>
    internal IEnumerable<string> TableTags => _tables.Tags;

    /// <summary>The file name (or the label given to <see cref="Parse"/>), for messages.</summary>
    public string Name { get; }

    /// <summary>The whole font file, which the subsetters cut down (for the file mapped, see <see cref="MappedFontFile"/>).</summary>
    public ReadOnlyMemory<byte> FileBytes => _file;

    /// <summary>
    /// The whole font file as an array, what a PDFsharp font resolver returns from GetFont: a mapped file is copied
    /// once, when first asked for, and shared after. Callers must not modify the array.
    /// </summary>
    public byte[] FileArray => _fileArray.Value;

    public int UnitsPerEm { get; }
    public int GlyphCount { get; }
    public int HheaAscender { get; }
    public int HheaDescender { get; }
    public int HheaLineGap { get; }
    public int TypoAscender { get; }
    public int TypoDescender { get; }
    public int TypoLineGap { get; }
    public int WinAscent { get; }
    public int WinDescent { get; }
    public int XHeight { get; }
    public int CapHeight { get; }
    public int UnderlinePosition { get; }
    public int UnderlineThickness { get; }

    /// <summary>Number of code points the cmap maps to a real glyph.</summary>
    public int MappedCodePointCount => _cmap.MappedCount;

    /// <summary>The glyph for <paramref name="codePoint"/>, 0 (.notdef) when the font lacks it.</summary>
    public int GlyphId(int codePoint) => _cmap.GlyphId(codePoint);

    public bool HasGlyph(int codePoint) => _cmap.GlyphId(codePoint) != 0;

    /// <summary>All code points the font maps, ascending.</summary>
    public IEnumerable<int> CodePoints() => _cmap.CodePoints();

    /// <summary>Advance width of a glyph in font units.</summary>
    public int AdvanceWidth(int glyphId) => (uint)glyphId < (uint)_advances.Length ? _advances[glyphId] : 0;

    /// <summary>Advance width of <paramref name="codePoint"/> in em; 0 when the font lacks it.</summary>
    public double AdvanceEm(int codePoint)
    {
        var glyph = _cmap.GlyphId(codePoint);
        return glyph == 0 ? 0 : _advances[glyph] * _emPerUnit;
    }

    /// <summary>The outline of the glyph for <paramref name="codePoint"/> (the .notdef box when the font lacks it).</summary>
    public GlyphOutline Outline(int codePoint) => GlyphOutline(GlyphId(codePoint));

    /// <summary>A glyph's bounding box from its glyf header in font units (zeros for a blank glyph), without reading its contours.</summary>
    public (int XMin, int YMin, int XMax, int YMax) GlyphBounds(int glyphId) => _outlines.Value.Bounds(glyphId);

    public GlyphOutline GlyphOutline(int glyphId)
    {
        var reader = _outlines.Value;
        var (xMin, yMin, xMax, yMax) = reader.Bounds(glyphId);
        return new GlyphOutline(glyphId, AdvanceWidth(glyphId), UnitsPerEm, xMin, yMin, xMax, yMax, reader.Contours(glyphId));
    }

    private static ushort[] ReadAdvances(ReadOnlySpan<byte> hmtx, int metricCount, int glyphCount, string name)
    {
        if (metricCount == 0 || hmtx.Length < 4 * metricCount)
            throw new FontFormatException($"{name}: hmtx table truncated");
        var advances = new ushort[Math.Max(glyphCount, metricCount)];
        for (var g = 0; g < metricCount; g++)
            advances[g] = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * g)..]);
        // Glyphs after the last full metric share its advance (monospaced tails).
        Array.Fill(advances, advances[metricCount - 1], metricCount, advances.Length - metricCount);
        return advances;
    }
}
