using GptBook.Fonts;
using GptBook.Images.Vector;
using GptBook.Layout;
using GptBook.Layout.Formulas;
using GptBook.Layout.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using GptBook.Units;

namespace GptBook.Pdf;

/// <summary>
/// Draws a laid-out page: text (each line's runs of one style as one positioned array, <see cref="PositionedTextWriter"/>,
/// so every glyph lands where the composer put it), images (SVG figures as vectors, see <see cref="VectorDrawingRenderer"/>),
/// rules, shading, formulas (<see cref="FormulaRenderer"/>) and link annotations, each inside its structure element or as an artifact, in black ink only
/// (<see cref="PrintInks"/>). Internal links are recorded and pointed at their targets once every page exists.
/// </summary>
internal sealed class PdfPageRenderer(
    ITextMeasurer measurer, SubsetFaces faces, PreparedDrawings drawings, FontSet objectFonts, GlyphOutlineFiller outlines, StructureTagWriter tags,
    List<(PdfLinkAnnotation Link, string Id)> internalLinks, Action<string, string> imageFailed)
    : IDisposable
{
    private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(string, double), XFont> _fonts = [];
    private readonly Dictionary<string, XImage?> _images = new(StringComparer.Ordinal);
    private readonly PngImageEmbedder _pngs = new();
    private readonly Dictionary<Model.CodeTokenKind, XBrush> _codeBrushes = [];
    private VectorDrawingRenderer? _vectorRenderer;
    private FormulaRenderer? _formulaRenderer;
    private OutlineGlyphRenderer? _glyphRenderer;
    private PdfPage? _page;
    private bool _formulas; // the page has formulas, whose marked content its rewriting completes
    private readonly XBrush _body = new XSolidBrush(PrintInks.Text);
    private readonly XBrush _muted = new XSolidBrush(PrintInks.Muted);
    private readonly XBrush _shade = new XSolidBrush(PrintInks.Shade);
    private readonly PositionedTextWriter _text = new(measurer);

    public void Render(LayoutPage page, PdfPage pdfPage, XGraphics gfx, Length mediaHeight)
    {
        _page = pdfPage;
        _formulas = false;
        tags.BeginPage(pdfPage, gfx);
        var fragments = page.Fragments;
        for (var i = 0; i < fragments.Count; i++)
        {
            var fragment = fragments[i];
            if (fragment is TextFragment text)
            {
                var stretch = Stretch(fragments, i);
                i += stretch.Count - 1;
                if (text.Structure is { } textNode) { tags.Enter(textNode, default); DrawText(stretch, gfx); }
                else tags.Artifact(() => DrawText(stretch, gfx));
                continue;
            }
            switch (fragment)
            {
                case AnchorFragment:
                case CropMarkFragment: // drawn after the page's graphics, in registration colour (RegistrationMarkWriter)
                    break;
                case LinkFragment link:
                    var annotation = CreateLink(link, mediaHeight);
                    if (link.Structure != null) tags.Enter(link.Structure, ToXRect(link.Box), annotation);
                    else pdfPage.Annotations.Add(annotation);
                    break;
                default:
                    if (fragment.Structure is { } node) { tags.Enter(node, Bounds(fragment, mediaHeight)); Draw(fragment, gfx); }
                    else tags.Artifact(() => Draw(fragment, gfx));
                    break;
            }
        }
        tags.EndPage();
    }

    /// <summary>After the page's graphics are closed: its stretches of text become positioned arrays (see <see cref="Complete"/>).</summary>
    public void FinishPage(PdfPage pdfPage) => _text.Rewrite(pdfPage, _formulas);

    /// <summary>After the last page: every page's positioned arrays are in its content streams; returns the streams deflated so.</summary>
    public IReadOnlySet<PdfDictionary> Complete() => _text.Complete();

    /// <summary>
    /// The text fragments from <paramref name="start"/> that are drawn as one: the runs of one line in one style and
    /// structure element, each starting where or after the one before ends.
    /// </summary>
    private static List<TextFragment> Stretch(IReadOnlyList<PageFragment> fragments, int start)
    {
        var first = (TextFragment)fragments[start];
        var stretch = new List<TextFragment> { first };
        for (var k = start + 1; k < fragments.Count; k++)
        {
            if (fragments[k] is not TextFragment next) break;
            var last = stretch[^1];
            if (!ReferenceEquals(next.Structure, first.Structure) || next.Color != first.Color || next.Run.Style != first.Run.Style
                || next.Baseline != first.Baseline || next.X < last.X + last.Run.Width - Length.Pt(0.01) || next.Run.Text.Length == 0) break;
            stretch.Add(next);
        }
        return stretch;
    }
    private PdfLinkAnnotation CreateLink(LinkFragment link, Length mediaHeight)
    {
        var b = link.Box;
        var rect = new PdfRectangle(new XPoint(b.X.Points, (mediaHeight - b.Bottom).Points), new XPoint(b.Right.Points, (mediaHeight - b.Y).Points));
        if (link.Target.StartsWith('#'))
        {
            var annotation = new PdfLinkAnnotation { Rectangle = rect };
            annotation.Elements.SetName("/Subtype", "/Link");
            annotation.Elements.SetValue("/Border", NoBorder());
            internalLinks.Add((annotation, link.Target[1..]));
            return annotation;
        }
        var web = PdfLinkAnnotation.CreateWebLink(rect, link.Target);
        web.Elements.SetValue("/Border", NoBorder());
        return web;
    }

    /// <summary>Links are shown by their colour; a border would print a box around them.</summary>
    private static PdfArray NoBorder()
    {
        var border = new PdfArray();
        for (var i = 0; i < 3; i++) border.Elements.Add(new PdfInteger(0));
        return border;
    }

    private void Draw(PageFragment fragment, XGraphics gfx)
    {
        switch (fragment)
        {
            case RuleFragment r:
                gfx.DrawLine(new XPen(PrintInks.Rule, r.Thickness.Points) { LineCap = XLineCap.Flat }, r.X1.Points, r.Y1.Points, r.X2.Points, r.Y2.Points);
                break;
            case ShadeFragment s:
                gfx.DrawRectangle(_shade, ToXRect(s.Box));
                break;
            case ImageFragment i:
                DrawImage(i, gfx);
                break;
            case FormulaFragment f:
                _formulas = true;
                Formulas.Draw(f, gfx);
                break;
            case OutlineGlyphFragment g:
                Glyphs.Draw(g, gfx);
                break;
        }
    }

    private void DrawText(List<TextFragment> stretch, XGraphics gfx)
    {
        var t = stretch[0];
        var run = t.Run;
        if (run.Text.Length == 0) return;
        var font = Font(run.Style.Font, run.Style.Size.Points, stretch.Count == 1 ? run.Text : string.Concat(stretch.Select(f => f.Run.Text)));
        var brush = run.Style.Token != Model.CodeTokenKind.Plain ? CodeBrush(run.Style.Token) : t.Color == TextColor.Muted ? _muted : _body;
        var baseline = t.Baseline.Points - (run.Style.Superscript ? run.Style.Size.Points * 0.55 : 0) + (run.Style.Subscript ? run.Style.Size.Points * 0.3 : 0);
        if (stretch.Count == 1 && Math.Abs(run.LetterSpacing.Points) < 0.001 && run.Text == run.SourceText)
            gfx.DrawString(run.Text, font, brush, t.X.Points, baseline, XStringFormats.BaseLineLeft);
        else
            _text.ShowPositioned(gfx, stretch, font, brush, baseline);
    }

    private void DrawImage(ImageFragment i, XGraphics gfx)
    {
        var box = ToXRect(i.Box);
        if (i.ImagePath != null && drawings.Get(i.ImagePath) is { } drawing)
        {
            Vectors.Draw(drawing, box, gfx);
            return;
        }
        if (i.ImagePath != null && _page != null && _pngs.TryDraw(i.ImagePath, box, _page, gfx))
            return;
        if (i.ImagePath != null && Image(i.ImagePath) is { } image)
        {
            gfx.DrawImage(image, box);
            return;
        }
        gfx.DrawRectangle(new XPen(PrintInks.PlaceholderFrame, 0.75) { DashStyle = XDashStyle.Dash }, _shade, box);
        var text = i.PlaceholderText ?? Path.GetFileName(i.ImagePath) ?? "";
        var size = 9.0;
        var font = Font(DrawnCharacters.PlaceholderFace, size, text);
        while (size > 5 && gfx.MeasureString(text, font).Width > box.Width - 12)
            font = Font(DrawnCharacters.PlaceholderFace, size -= 0.5, text);
        gfx.DrawString(text, font, _muted, box, XStringFormats.Center);
    }

    /// <summary>The image, loaded once; null (reported once) when PDFsharp cannot read the prepared file.</summary>
    private XImage? Image(string path)
    {
        if (_images.TryGetValue(path, out var image)) return image;
        try
        {
            image = XImage.FromFile(path);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or NotSupportedException or UnauthorizedAccessException)
        {
            imageFailed(path, e.Message);
            image = null;
        }
        return _images[path] = image;
    }

    /// <summary>
    /// Makes PDFsharp read each face the styles ask for once (it parses and checksums the whole 10–15 MB file the
    /// first time a face is used); the results stay in PDFsharp's process-wide font cache for the real drawing.
    /// Fallback faces are left until a character needs one.
    /// </summary>
    internal static void LoadFaces()
    {
        foreach (var role in FontFallbackChain.Primary)
            _ = new XFont(FontSet.FaceName(role), 10, XFontStyleEx.Regular, FontOptions);
    }

    private XBrush CodeBrush(Model.CodeTokenKind kind)
    {
        if (!_codeBrushes.TryGetValue(kind, out var brush)) _codeBrushes[kind] = brush = new XSolidBrush(PrintInks.Code(kind));
        return brush;
    }

    private VectorDrawingRenderer Vectors => _vectorRenderer ??= new VectorDrawingRenderer(Font);

    private FormulaRenderer Formulas => _formulaRenderer ??= new FormulaRenderer(outlines, Font, _text);

    private OutlineGlyphRenderer Glyphs => _glyphRenderer ??= new OutlineGlyphRenderer(objectFonts, outlines, Font, _text);

    /// <summary>The font to draw <paramref name="text"/> with: the role's face cut to the book's characters (<see cref="SubsetFaces"/>).</summary>
    private XFont Font(FontRole role, double size, string text)
    {
        var key = (faces.FaceFor(role, text), Math.Round(size, 3));
        if (!_fonts.TryGetValue(key, out var font))
            _fonts[key] = font = new XFont(key.Item1, key.Item2, XFontStyleEx.Regular, FontOptions);
        return font;
    }

    /// <summary>A figure's bounding box for its structure element, in PDF user space (y upwards).</summary>
    private static XRect Bounds(PageFragment f, Length mediaHeight) => f switch
    {
        ImageFragment i => new XRect(i.Box.X.Points, (mediaHeight - i.Box.Bottom).Points, i.Box.Width.Points, i.Box.Height.Points),
        FormulaFragment m => new XRect(m.Bounds.X.Points, (mediaHeight - m.Bounds.Bottom).Points, m.Bounds.Width.Points, m.Bounds.Height.Points),
        _ => new XRect(0, 0, 0, 0),
    };

    private static XRect ToXRect(Rect r) => new(r.X.Points, r.Y.Points, r.Width.Points, r.Height.Points);

    public void Dispose()
    {
        foreach (var image in _images.Values) image?.Dispose();
        _pngs.Dispose();
    }
}
