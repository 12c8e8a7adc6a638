using GptBook.Fonts;
using PdfSharp.Drawing;

namespace GptBook.Pdf;

/// <summary>
/// Fills glyphs that no character maps to from their outlines, in the body ink: a formula's grown delimiters and
/// assembly pieces, an emoji sequence's ligature. Each glyph's path is made once at 1 pt
/// (<see cref="GlyphOutlinePath"/>: TrueType's quadratic contours as cubic Béziers) and scaled into place.
/// </summary>
internal sealed class GlyphOutlineFiller(FontSet fonts)
{
    private readonly XBrush _ink = new XSolidBrush(PrintInks.Text);
    private readonly Dictionary<(FontRole, int), XGraphicsPath?> _paths = [];

    /// <summary>The glyph at <paramref name="size"/> points, its origin at (<paramref name="x"/>, <paramref name="baseline"/>).</summary>
    public void Fill(XGraphics gfx, FontRole face, int glyphId, double size, double x, double baseline)
    {
        var key = (face, glyphId);
        if (!_paths.TryGetValue(key, out var path))
            _paths[key] = path = GlyphOutlinePath.Of(fonts.Font(face).GlyphOutline(glyphId));
        if (path == null) return;
        var state = gfx.Save();
        gfx.TranslateTransform(x, baseline);
        gfx.ScaleTransform(size, size);
        gfx.DrawPath(_ink, path);
        gfx.Restore(state);
    }
}
