using GptBook.Model;

namespace GptBook.Tests.Loading;

/// <summary>Everything a reader of the book can see or hear: text, captions, alt text, footnotes, raw HTML text.</summary>
public static class VisibleText
{
    public static IEnumerable<string> Of(Book book)
    {
        foreach (var block in book.AllBlocksWithFootnotes())
            foreach (var s in Of(block)) yield return s;
    }

    public static IEnumerable<Inline> Inlines(Book book) =>
        book.AllBlocksWithFootnotes().SelectMany(b => b.InlineContent()).SelectMany(list => list).SelectMany(i => i.DescendantsAndSelf());

    private static IEnumerable<string> Of(Block block)
    {
        foreach (var inlines in block.InlineContent()) yield return Inline.PlainText(inlines);
        switch (block)
        {
            case Figure f: yield return f.Image.Alt; break;
            case CodeBlock c: yield return c.Code; break;
        }
    }
}
