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
internal sealed class OutlineGlyphRenderer(FontSet fonts, Func<FontRole, double, string, XFont> font, PositionedTextWriter text)
{
    private readonly XBrush _ink = new XSolidBrush(PrintInks.Text);
    private readonly Dictionary<(FontRole, int), XGraphicsPath?> _outlines = [];

    public void Draw(OutlineGlyphFragment glyph, XGraphics gfx)
    {
        var size = glyph.Size.Points;
        var x = glyph.X.Points;
        var baseline = glyph.Baseline.Points;
        text.ShowInvisible(gfx, glyph.Text, font(glyph.Face, size, glyph.Text), _ink, x, baseline,
            (glyph.Face, fonts.Font(glyph.Face).AdvanceWidth(glyph.GlyphId) * size / fonts.Font(glyph.Face).UnitsPerEm));
        var key = (glyph.Face, glyph.GlyphId);
        if (!_outlines.TryGetValue(key, out var path))
            _outlines[key] = path = GlyphOutlinePath.Of(fonts.Font(glyph.Face).GlyphOutline(glyph.GlyphId));
        if (path == null) return;
        var state = gfx.Save();
        gfx.TranslateTransform(x, baseline);
        gfx.ScaleTransform(size, size);
        gfx.DrawPath(_ink, path);
        gfx.Restore(state);
    }
}
