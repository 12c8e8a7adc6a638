using GptBook.Model;

namespace GptBook.Images;

/// <summary>Every image reference in a book, in reading order: figures, and images inside any inline content.</summary>
internal static class ImageReferenceCollector
{
    public static IReadOnlyList<ImageReference> Collect(Book book)
    {
        var found = new List<ImageReference>();
        foreach (var chapter in book.Chapters)
        {
            foreach (var block in chapter.Blocks) Visit(block, found);
            foreach (var footnote in chapter.Footnotes)
                foreach (var block in footnote.Blocks) Visit(block, found);
        }
        return found;
    }

    private static void Visit(Block block, List<ImageReference> found)
    {
        foreach (var b in block.DescendantsAndSelf())
        {
            switch (b)
            {
                case Figure f:
                    found.Add(f.Image);
                    Visit(f.Caption, found);
                    break;
                case Heading h: Visit(h.Content, found); break;
                case Paragraph p: Visit(p.Content, found); break;
                case Table t:
                    foreach (var cell in t.Header.Concat(t.Rows.SelectMany(r => r))) Visit(cell.Content, found);
                    break;
            }
        }
    }

    private static void Visit(IEnumerable<Inline> inlines, List<ImageReference> found)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case InlineImage i: found.Add(i.Image); break;
                case Emphasis e: Visit(e.Content, found); break;
                case Strong s: Visit(s.Content, found); break;
                case Strikethrough s: Visit(s.Content, found); break;
                case Link l: Visit(l.Content, found); break;
            }
        }
    }
}
