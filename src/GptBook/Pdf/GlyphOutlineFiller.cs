using GptBook.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GptBook.Pdf;

/// <summary>
/// Fills glyphs that no character maps to from their outlines, in the body ink: a formula's grown delimiters and
/// assembly pieces, an emoji sequence's ligature. Each glyph the book uses is drawn once, before the pages, into a
/// form XObject (<see cref="GlyphOutlinePath"/>: TrueType's quadratic contours as cubic Béziers), which every use
/// places with one matrix: a grown bracket then costs the writer six numbers instead of every point of its outline
/// (formatting those points was a third of a formula's drawing time), and the file holds each outline once.
/// </summary>
internal sealed class GlyphOutlineFiller
{
    /// <summary>Points per em in the forms' own space: PDFsharp writes four decimals, so an outline keeps 1/10,000,000 em.</summary>
    private const double FormScale = 1000;

    /// <summary>A glyph's form, and its ink box in em: how far its left edge and top lie right of and above its origin, its width and height.</summary>
    private sealed record GlyphForm(XForm Form, double Left, double Top, double Width, double Height);

    private readonly Dictionary<(FontRole, int), GlyphForm> _forms;

    private GlyphOutlineFiller(Dictionary<(FontRole, int), GlyphForm> forms) => _forms = forms;

    /// <summary>
    /// Draws the forms of <paramref name="glyphs"/> into <paramref name="document"/>, in their order (so the file is
    /// the same every time). Called before PDFsharp's accessibility manager is made: it takes every drawing for a
    /// page's and refuses one into a form. A glyph with no contours or no area gets no form and is not drawn.
    /// </summary>
    public static GlyphOutlineFiller Draw(PdfDocument document, FontSet fonts, IEnumerable<(FontRole Face, int GlyphId)> glyphs)
    {
        var ink = new XSolidBrush(PrintInks.Text);
        var forms = new Dictionary<(FontRole, int), GlyphForm>();
        foreach (var (face, glyphId) in glyphs)
        {
            var outline = fonts.Font(face).GlyphOutline(glyphId);
            if (GlyphOutlinePath.Of(outline) is not { } path || outline.XMax <= outline.XMin || outline.YMax <= outline.YMin) continue;
            var unit = 1.0 / outline.UnitsPerEm;
            var (left, top) = (outline.XMin * unit, outline.YMax * unit);
            var (width, height) = ((outline.XMax - outline.XMin) * unit, (outline.YMax - outline.YMin) * unit);
            // The outline's box is the form's: TrueType's box holds every point, on the curve or off, and so every Bézier.
            var form = new XForm(document, XUnit.FromPoint(width * FormScale), XUnit.FromPoint(height * FormScale));
            using (var gfx = XGraphics.FromForm(form))
            {
                gfx.ScaleTransform(FormScale);
                gfx.TranslateTransform(-left, top);
                gfx.DrawPath(ink, path);
            }
            forms[(face, glyphId)] = new GlyphForm(form, left, top, width, height);
        }
        return new GlyphOutlineFiller(forms);
    }

    /// <summary>The glyph at <paramref name="size"/> points, its origin at (<paramref name="x"/>, <paramref name="baseline"/>).</summary>
    public void Fill(XGraphics gfx, FontRole face, int glyphId, double size, double x, double baseline)
    {
        if (!_forms.TryGetValue((face, glyphId), out var glyph)) return; // nothing to fill (see Draw)
        gfx.DrawImage(glyph.Form, x + glyph.Left * size, baseline - glyph.Top * size, glyph.Width * size, glyph.Height * size);
    }
}
