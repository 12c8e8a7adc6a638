using GptBook.Images;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// A figure: the print image scaled down (never up) to fit the text width and <c>MaxFigureHeight</c> of the type
/// area, centred, with "图 N　caption" below it, all in one unbreakable box. An image the catalog lacks, or one it
/// could only replace by a placeholder, becomes a framed box stating why, so nothing disappears silently.
/// </summary>
public sealed class FigureBuilder(LayoutContext context, InlineStyler styler)
{
    private readonly LayoutStyle _style = context.Style;

    public RowSequence Rows(Figure figure, Length width, StructureNode parent)
    {
        var node = parent.Child("Figure", altText: AltText(figure));
        var seq = new RowSequence();
        var maxHeight = context.Geometry.TextHeight * Math.Clamp(context.Options.MaxFigureHeight, 0.1, 1.0);
        var image = context.Images.Find(figure.Image, ImageProfile.Print);
        ImageFragment fragment;
        if (image == null || image.IsPlaceholder || image.PixelWidth <= 0 || image.PixelHeight <= 0)
        {
            var reason = image?.Placeholder ?? context.Labels.ImageMissing + "：" + figure.Image.Source;
            var h = Length.Min(width * 0.4, maxHeight);
            fragment = new ImageFragment(null, new Rect(Length.Zero, Length.Zero, width, h), reason, node);
        }
        else
        {
            var dpi = image.Dpi > 1 ? image.Dpi : 96;
            var w = Length.Pt(image.PixelWidth / dpi * 72);
            var h = Length.Pt(image.PixelHeight / dpi * 72);
            var scale = Math.Min(1.0, Math.Min(width / w, maxHeight / h));
            w *= scale;
            h *= scale;
            fragment = new ImageFragment(image.Path, new Rect((width - w) / 2, Length.Zero, w, h), null, node);
        }
        seq.Add(new BoxRow(fragment.Box.Height, [new AnchorFragment(figure.Id, Length.Zero, Length.Zero), fragment]), false);
        var caption = CaptionRows(figure, width, node.Child("Caption"));
        if (caption.Count > 0)
        {
            seq.Add(BoxRow.Space(_style.Leading * 0.35), false);
            foreach (var row in caption) seq.Add(row, false);
        }
        return seq;
    }

    private static string AltText(Figure f) =>
        f.Image.Alt.Length > 0 && f.Image.Alt != "Untitled" ? f.Image.Alt : Inline.PlainText(f.Caption);

    private List<BoxRow> CaptionRows(Figure figure, Length width, StructureNode node)
    {
        var parts = new List<StyledText>();
        if (figure.Number > 0)
        {
            var label = context.Labels.FigureLabel(figure.Number);
            parts.Add(new StyledText(label, _style.CaptionLabel));
            if (figure.HasCaption) parts.Add(new StyledText(context.Labels.CaptionSeparator, _style.Caption));
        }
        foreach (var segment in styler.Style(figure.Caption, _style.Caption)) parts.AddRange(segment);
        if (parts.Count == 0) return [];
        var measure = width * 0.9;
        var lines = context.Compose(parts, measure, Length.Zero, figure.Span);
        var leading = _style.Caption.Size * _style.LineHeight * 0.9;
        // One line is centred; longer captions are justified within the slightly narrower measure.
        return TextRowBuilder.Rows(lines, leading, (width - measure) / 2, node, TextColor.Body,
            i => lines.Count == 1 ? (measure - lines[i].Width) / 2 : Length.Zero);
    }
}
