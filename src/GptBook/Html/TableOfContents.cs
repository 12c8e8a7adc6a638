namespace GptBook.Html;

/// <summary>
/// The book's headings down to a depth, nested by level, as EPUB nav, NCX and the site list them. A level that skips
/// (h1 then h3) nests under the nearest shallower heading; a heading with nothing above it is a root entry. A book
/// with no heading in range gets one entry per chunk, titled like the chunk.
/// </summary>
public static class TableOfContents
{
    public static IReadOnlyList<TocEntry> Build(ChunkedBook book, int maxLevel)
    {
        var roots = new List<Node>();
        var open = new Stack<Node>();
        foreach (var chunk in book.Chunks)
        {
            // Only top-level headings: one in a block quote or list is not part of the document outline.
            foreach (var heading in chunk.Blocks.OfType<Model.Heading>().Where(h => h.Level <= maxLevel))
            {
                while (open.Count > 0 && open.Peek().Level >= heading.Level) open.Pop();
                var node = new Node(heading.Level, heading, chunk);
                (open.Count > 0 ? open.Peek().Children : roots).Add(node);
                open.Push(node);
            }
        }
        if (roots.Count > 0) return roots.Select(n => n.ToEntry()).ToArray();

        // A book without headings still needs a table of contents (EPUB requires a non-empty one): one entry per
        // chunk, under its title, pointing at the chunk's start.
        return book.Chunks
            .Select(c => new TocEntry(new Model.Heading(1, [new Model.Text(c.Title, Model.SourceSpan.None)], "", Model.SourceSpan.None), c, []))
            .ToArray();
    }

    /// <summary>How deep the nesting goes (1 for a flat list, 0 when empty): the NCX's dtb:depth.</summary>
    public static int Depth(IReadOnlyList<TocEntry> entries) =>
        entries.Count == 0 ? 0 : 1 + entries.Max(e => Depth(e.Children));

    private sealed record Node(int Level, Model.Heading Heading, Chunk Chunk)
    {
        public List<Node> Children { get; } = [];

        public TocEntry ToEntry() => new(Heading, Chunk, Children.Select(c => c.ToEntry()).ToArray());
    }
}
