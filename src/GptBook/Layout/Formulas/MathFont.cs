using GptBook.Fonts;
using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

/// <summary>
/// The math face and its MATH table seen in em: constants scaled to a style's size, glyph metrics from the glyf
/// bounding boxes (a glyph's ink is its height and depth, as TeX's font metrics give them), italics corrections,
/// and the text faces for <c>\text{…}</c> through the bundled fallback chain.
/// </summary>
public sealed class MathFont
{
    private readonly double _perUnit;

    public MathFont(FontSet fonts)
    {
        Fonts = fonts;
        Face = fonts.Font(FontRole.TeXMath);
        Table = Face.MathTable ?? throw new FontFormatException($"{Face.Name}: the math face has no MATH table");
        _perUnit = 1.0 / Face.UnitsPerEm;
    }

    public FontSet Fonts { get; }

    public TrueTypeFont Face { get; }

    public OpenTypeMathTable Table { get; }

    /// <summary>The math face's x-height in em (its OS/2 sxHeight): TeX's ex in a formula.</summary>
    public double XHeight => Face.XHeight * _perUnit;

    /// <summary>The size of a style relative to the formula's: 1 in display and text style, the MATH table's script percentages below.</summary>
    public double Scale(MathStyleState style) => style.Style switch
    {
        MathStyle.Script => Table.Constant(MathConstant.ScriptPercentScaleDown) / 100.0,
        MathStyle.ScriptScript => Table.Constant(MathConstant.ScriptScriptPercentScaleDown) / 100.0,
        _ => 1.0,
    };

    /// <summary>A constant in em at <paramref name="style"/>'s size (the percentages are not for this).</summary>
    public double Em(MathConstant constant, MathStyleState style) => Table.Constant(constant) * _perUnit * Scale(style);

    /// <summary>Font units to em at a size.</summary>
    public double Em(int units, double size) => units * _perUnit * size;

    /// <summary>The glyph of the math face for a glyph id at <paramref name="size"/>; <paramref name="text"/> is what it copies as.</summary>
    public GlyphBox Glyph(int glyphId, string text, double size)
    {
        var (_, yMin, _, yMax) = Face.GlyphBounds(glyphId);
        return new GlyphBox(FontRole.TeXMath, glyphId, text, size,
            Em(Face.AdvanceWidth(glyphId), size), Em(yMax, size), Em(-yMin, size), Em(Table.ItalicsCorrection(glyphId), size));
    }

    /// <summary>
    /// The form of a math-face character drawn for a script (<paramref name="level"/> 1) or a script's script (2),
    /// from the font's <c>ssty</c> alternates; no character maps to it, so it is a <see cref="StretchedBox"/> that
    /// copies as the character. Used for primes only: their own glyph is drawn high, for f′ on the baseline, so as a
    /// superscript it would float a script shift too high; the other script forms differ from the character's glyph
    /// only in optical size, not enough to take them out of the PDF's text layer.
    /// </summary>
    public MathBox ScriptForm(int codePoint, int level, double size)
    {
        if (!Face.HasGlyph(codePoint)) return Character(codePoint, size);
        var glyph = Face.GlyphId(codePoint);
        var form = Face.ScriptForms.Variant(glyph, level);
        var text = char.ConvertFromUtf32(codePoint);
        return form == glyph ? Glyph(glyph, text, size) : new StretchedBox(Glyph(form, "", size), text, size);
    }

    /// <summary>Whether the math face draws <paramref name="codePoint"/>.</summary>
    public bool Has(int codePoint) => Face.HasGlyph(codePoint);

    /// <summary>
    /// A character of the math face, or (for a character it lacks, such as Han in an identifier) of the text face
    /// that the fallback chain picks, measured by its own bounding box.
    /// </summary>
    public GlyphBox Character(int codePoint, double size)
    {
        if (Face.HasGlyph(codePoint)) return Glyph(Face.GlyphId(codePoint), char.ConvertFromUtf32(codePoint), size);
        return TextCharacter(codePoint, size, FontRole.SerifRegular);
    }

    /// <summary>A character of running text inside a formula (\text{…}) in the text face, or the face the fallback chain gives it.</summary>
    public GlyphBox TextCharacter(int codePoint, double size, FontRole requested)
    {
        var role = Fonts.ResolveFace(requested, codePoint);
        var font = Fonts.Font(role);
        var glyph = font.GlyphId(codePoint);
        var (_, yMin, _, yMax) = font.GlyphBounds(glyph);
        var perUnit = size / font.UnitsPerEm;
        return new GlyphBox(role, glyph, char.ConvertFromUtf32(codePoint), size, font.AdvanceWidth(glyph) * perUnit, yMax * perUnit, -yMin * perUnit, 0);
    }

    /// <summary>The point on a glyph where an accent above it is centred, in em from its origin.</summary>
    public double AccentAttachment(GlyphBox glyph) =>
        glyph.Face == FontRole.TeXMath && Table.TopAccentAttachment(glyph.GlyphId) is { } x ? Em(x, glyph.Size) : glyph.Width / 2;
}
