using GptBook.Layout.Text;
using GptBook.Fonts;

namespace GptBook.Tests.Text;

/// <summary>
/// A measurer with round advances, so positions can be checked exactly: ASCII letters, digits and symbols 0.5 em,
/// the space 0.3 em, everything else (Han, full-width punctuation, dashes) 1 em. Ascent 0.8, descent 0.2.
/// </summary>
internal sealed class FixedAdvanceMeasurer : ITextMeasurer
{
    public double Advance(FontRole font, int codePoint) => codePoint switch
    {
        ' ' => 0.3,
        < 0x80 => 0.5,
        _ => 1.0,
    };

    public bool HasGlyph(FontRole font, int codePoint) => true;

    public double Ascent(FontRole font) => 0.8;

    public double Descent(FontRole font) => 0.2;
}
