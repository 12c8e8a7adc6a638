namespace GptBook.Layout.Text;

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
}
