using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Numbers figures 1, 2, … across the whole book in reading order, and gives each the id "fig-N", before any
/// chunking, so that numbers and references survive splitting into files (bookdown#80). An id a heading already
/// took gets a suffix.
/// </summary>
public sealed class FigureNumberTransform : ModelRewriter
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private int _count;

    public override Book Rewrite(Book book)
    {
        foreach (var heading in book.Headings()) _used.Add(heading.Id);
        return base.Rewrite(book);
    }

    protected override Block RewriteBlock(Block block)
    {
        if (block is not Figure figure) return block;
        var number = ++_count;
        var id = $"fig-{number}";
        for (var n = 2; !_used.Add(id); n++) id = $"fig-{number}-{n}";
        return figure with { Number = number, Id = id };
    }
}
