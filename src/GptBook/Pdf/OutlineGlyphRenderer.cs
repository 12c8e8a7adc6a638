using GptBook.Fonts;
using GptBook.Layout;
using PdfSharp.Drawing;

namespace GptBook.Pdf;

/// <summary>
/// Draws an <see cref="OutlineGlyphFragment"/> (an emoji sequence's ligature, which no character maps to, so
/// PDFsharp cannot draw it as text): its outline filled in the body ink, and the sequence it stands for written
/// invisibly in the same face at the same place inside an /ActualText span
/// (<see cref="PositionedTextWriter.ShowInvisible"/>), so that copying and search find 🧑‍💻, joiner included.
/// </summary>
internal sealed class OutlineGlyphRenderer(FontSet fonts, GlyphOutlineFiller outlines, Func<FontRole, double, string, XFont> font, PositionedTextWriter text)
{
    private readonly XBrush _ink = new XSolidBrush(PrintInks.Text);

    public void Draw(OutlineGlyphFragment glyph, XGraphics gfx)
    {
        var size = glyph.Size.Points;
        var x = glyph.X.Points;
        var baseline = glyph.Baseline.Points;
        text.ShowInvisible(gfx, glyph.Text, font(glyph.Face, size, glyph.Text), _ink, x, baseline,
            (glyph.Face, fonts.Font(glyph.Face).AdvanceWidth(glyph.GlyphId) * size / fonts.Font(glyph.Face).UnitsPerEm));
        outlines.Fill(gfx, glyph.Face, glyph.GlyphId, size, x, baseline);
    }
}
