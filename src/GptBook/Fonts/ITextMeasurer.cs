namespace GptBook.Fonts;

/// <summary>
/// Advance widths and vertical metrics, in em (1.0 = the font size), read from the fonts' own tables.
/// Layout tests substitute a fake with fixed advances.
/// </summary>
public interface ITextMeasurer
{
    /// <summary>The advance width of <paramref name="codePoint"/> in em; 0 if the font has no glyph for it.</summary>
    double Advance(FontRole font, int codePoint);

    bool HasGlyph(FontRole font, int codePoint);

    /// <summary>Ascender above the baseline, in em (positive).</summary>
    double Ascent(FontRole font);

    /// <summary>Descender below the baseline, in em (positive).</summary>
    double Descent(FontRole font);

    /// <summary>
    /// The face that actually measures and draws <paramref name="codePoint"/> when <paramref name="font"/> is
    /// requested (Han in code falls back from Mono to SerifRegular). The composer splits runs by this face and puts
    /// it in <see cref="PositionedRun.Style"/>, so the PDF writer draws each run with the face it was measured with.
    /// The default (for fakes) keeps the requested face.
    /// </summary>
    FontRole ResolveFace(FontRole font, int codePoint) => font;
}
