
namespace GptBook.Fonts;

/// <summary>
/// Measures with the bundled fonts' own tables: an advance is two array lookups, no PDFsharp. Vertical metrics
/// are the OS/2 typographic ascender and descender, which for the Noto CJK faces are the ideographic em box
/// (0.88 + 0.12 em), so that Han text sits centred in its line.
/// </summary>
public sealed class FontMetricsMeasurer(FontSet fonts) : ITextMeasurer
{
    public FontSet Fonts { get; } = fonts;

    public double Advance(FontRole font, int codePoint) => Fonts.Font(font).AdvanceEm(codePoint);

    public bool HasGlyph(FontRole font, int codePoint) => Fonts.Font(font).HasGlyph(codePoint);

    public double Ascent(FontRole font)
    {
        var f = Fonts.Font(font);
        return (double)f.TypoAscender / f.UnitsPerEm;
    }

    public double Descent(FontRole font)
    {
        var f = Fonts.Font(font);
        return -(double)f.TypoDescender / f.UnitsPerEm;
    }

    public FontRole ResolveFace(FontRole font, int codePoint) => Fonts.ResolveFace(font, codePoint);
}
