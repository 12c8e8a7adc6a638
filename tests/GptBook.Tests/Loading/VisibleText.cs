using GptBook.Model;

namespace GptBook.Tests.Loading;

/// <summary>Everything a reader of the book can see or hear: text, captions, alt text, footnotes, raw HTML text.</summary>
public static class VisibleText
{
    public static IEnumerable<string> Of(Book book)
    {
        foreach (var chapter in book.Chapters)
        {
            foreach (var block in chapter.Blocks.Concat(chapter.Footnotes.SelectMany(f => f.Blocks)))
                foreach (var b in block.DescendantsAndSelf())
                    foreach (var s in Of(b)) yield return s;
        }
    }

    public static IEnumerable<Inline> Inlines(Book book) =>
        book.Chapters.SelectMany(c => c.Blocks.Concat(c.Footnotes.SelectMany(f => f.Blocks)))
            .SelectMany(b => b.DescendantsAndSelf()).SelectMany(InlinesOf).SelectMany(list => list).SelectMany(Flatten);

    private static IEnumerable<Inline> Flatten(Inline inline)
    {
        yield return inline;
        IReadOnlyList<Inline> children = inline switch
        {
            Emphasis e => e.Content,
            Strong s => s.Content,
            Strikethrough s => s.Content,
            Link l => l.Content,
            _ => [],
        };
        foreach (var c in children.SelectMany(Flatten)) yield return c;
    }

    private static IEnumerable<IReadOnlyList<Inline>> InlinesOf(Block block) => block switch
    {
        Heading h => [h.Content],
        Paragraph p => [p.Content],
        Figure f => [f.Caption],
        Table t => t.Header.Concat(t.Rows.SelectMany(r => r)).Select(c => c.Content),
        _ => [],
    };

    private static IEnumerable<string> Of(Block block)
    {
        foreach (var inlines in InlinesOf(block)) yield return Inline.PlainText(inlines);
        switch (block)
        {
            case Figure f: yield return f.Image.Alt; break;
            case CodeBlock c: yield return c.Code; break;
            case RawHtmlBlock r: yield return r.Text; break;
        }
    }
}
