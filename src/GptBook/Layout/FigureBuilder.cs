using GptBook.Images;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// A figure: the print image scaled down (never up) to fit the text width and <c>MaxFigureHeight</c> of the type
/// area, centred, with "图 N　caption" below it, all in one unbreakable box. An image the catalog lacks, or one it
/// could only replace by a placeholder, becomes a framed box saying so in the book's language, so nothing
/// disappears silently. A picture too large for a line of a paragraph is set the same way, without a caption
/// (<see cref="BlockImage"/>).
/// </summary>
public sealed class FigureBuilder(LayoutContext context, InlineStyler styler)
{
    private readonly LayoutStyle _style = context.Style;

    public RowSequence Rows(Figure figure, Length width, StructureNode parent)
    {
        // A picture with neither alt text nor caption says nothing a reader could be told: it is an artifact.
        var alt = AltText(figure);
        var node = alt.Length > 0 ? parent.Child("Figure", altText: alt) : null;
        var seq = new RowSequence();
        var image = ImageRow(figure.Image, width, node);
        seq.Add(image with { Fragments = [new AnchorFragment(figure.Id, Length.Zero, Length.Zero), .. image.Fragments] }, false);
        var caption = CaptionRows(figure, width, (node ?? parent).Child("Caption"));
        if (caption.Count > 0)
        {
            seq.Add(BoxRow.Space(_style.Leading * 0.35), false);
            foreach (var row in caption) seq.Add(row, false);
        }
        return seq;
    }

    /// <summary>
    /// An image set as a block inside a paragraph: centred in <paramref name="width"/> at its natural size or
    /// smaller, clickable when it is a link's only content.
    /// </summary>
    public RowSequence BlockImage(ImageReference image, Length width, StructureNode parent, string? linkTarget)
    {
        var seq = new RowSequence();
        if (linkTarget == null)
        {
            seq.Add(ImageRow(image, width, Picture(parent, image.Alt)), false);
            return seq;
        }
        var link = parent.Child("Link", altText: image.Alt, linkTarget: linkTarget);
        var row = ImageRow(image, width, Picture(link, image.Alt));
        var box = ((ImageFragment)row.Fragments[0]).Box;
        seq.Add(row with { Fragments = [new LinkFragment(box, linkTarget, link), .. row.Fragments] }, false);
        return seq;
    }

    /// <summary>A picture's Figure element, or none (an artifact) when it has no alt text: nothing to tell a reader.</summary>
    internal static StructureNode? Picture(StructureNode parent, string alt) => alt.Length > 0 ? parent.Child("Figure", altText: alt) : null;

    private BoxRow ImageRow(ImageReference reference, Length width, StructureNode? node)
    {
        var maxHeight = context.Geometry.TextHeight * Math.Clamp(context.Options.MaxFigureHeight, 0.1, 1.0);
        ImageFragment fragment;
        if (PictureSizes.Natural(context, reference) is var (prepared, w, h))
        {
            var scale = Math.Min(1.0, Math.Min(width / w, maxHeight / h));
            w *= scale;
            h *= scale;
            fragment = new ImageFragment(prepared.Path, new Rect((width - w) / 2, Length.Zero, w, h), null, node);
        }
        else
        {
            // The reader sees the book's own word for it, as in the EPUB and on the site; the reason, with its path
            // or URL, went to the author as a diagnostic.
            var placeholderHeight = Length.Min(width * 0.4, maxHeight);
            fragment = new ImageFragment(null, new Rect(Length.Zero, Length.Zero, width, placeholderHeight), context.Labels.ImageMissing, node);
        }
        return new BoxRow(fragment.Box.Height, [fragment]);
    }

    private static string AltText(Figure f) =>
        f.Image.Alt.Length > 0 && f.Image.Alt != "Untitled" ? f.Image.Alt : Inline.PlainText(f.Caption);

    /// <summary>
    /// "图 N　caption". One line is centred; a longer caption hangs under its label (the lines after the first start
    /// where the caption text does), the block centred in a measure 0.9 of the width.
    /// </summary>
    private List<BoxRow> CaptionRows(Figure figure, Length width, StructureNode node)
    {
        var label = new List<StyledText>();
        if (figure.Number > 0)
        {
            label.Add(new StyledText(context.Labels.FigureLabel(figure.Number), _style.CaptionLabel));
            if (figure.HasCaption) label.Add(new StyledText(context.Labels.CaptionSeparator, _style.Caption));
        }
        var text = styler.Style(figure.Caption, _style.Caption).SelectMany(segment => segment).ToList();
        if (label.Count + text.Count == 0) return [];
        var measure = width * 0.9;
        var leading = _style.Caption.Size * _style.LineHeight * 0.9;
        var whole = context.Compose([.. label, .. text], measure, Length.Zero, figure.Span);
        if (whole.Count == 1 || label.Count == 0 || text.Count == 0)
            return TextRowBuilder.Rows(whole, leading, (width - measure) / 2, node, TextColor.Body,
                i => whole.Count == 1 ? (measure - whole[i].Width) / 2 : Length.Zero);

        var hang = label.Aggregate(Length.Zero, (w, part) => w + context.MeasureWidth(part.Text, part.Style));
        var lines = context.Compose(text, measure - hang, Length.Zero, figure.Span);
        var rows = TextRowBuilder.Rows(lines, leading, (width - measure) / 2 + hang, node, TextColor.Body);
        var labelLine = context.Compose(label, measure, Length.Zero, figure.Span)[0];
        var baseline = BlockBoxBuilder.FirstBaseline(rows[0]) ?? leading * 0.7;
        rows[0] = rows[0] with { Fragments = [.. TextRowBuilder.Fragments(labelLine, (width - measure) / 2, baseline, node, TextColor.Body), .. rows[0].Fragments] };
        return rows;
    }
}
