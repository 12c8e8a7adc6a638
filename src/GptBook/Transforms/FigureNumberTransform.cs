using GptBook.Model;
using GptBook.Normalization;

namespace GptBook.Transforms;

/// <summary>
/// Numbers figures that have a caption 1, 2, … across the whole book in reading order, and gives each the id
/// "fig-N", before any chunking, so that numbers and references survive splitting into files (bookdown#80). A
/// figure without a caption keeps number 0 (no output prints a bare "图 3" under it, and it takes no number from
/// the captioned ones) and gets the id "figure-N" of its own sequence. An id a heading already took gets a suffix.
/// </summary>
/// <remarks>
/// A caption that starts with the author's own label ("图2.1 全连接神经网络", "Figure 3-1: …", as books written for
/// GitHub and docsify number their figures by hand) is printed as written and, like a figure without a caption,
/// takes no number and an id of the "figure-N" sequence: the text refers to the author's numbers, and
/// "图 3　图2.1 …" would give the figure two (docs/figures.md).
/// </remarks>
public sealed class FigureNumberTransform : ModelRewriter
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private int _count;
    private int _unnumbered;

    public override Book Rewrite(Book book)
    {
        foreach (var heading in book.Headings()) _used.Add(heading.Id);
        return base.Rewrite(book);
    }

    protected override Block RewriteBlock(Block block)
    {
        if (block is not Figure figure) return block;
        var numbered = figure.HasCaption && !OwnFigureLabel.StartsWith(Inline.PlainText(figure.Caption));
        var number = numbered ? ++_count : 0;
        var stem = numbered ? $"fig-{number}" : $"figure-{++_unnumbered}";
        var id = stem;
        for (var n = 2; !_used.Add(id); n++) id = $"{stem}-{n}";
        return figure with { Number = number, Id = id };
    }

}
