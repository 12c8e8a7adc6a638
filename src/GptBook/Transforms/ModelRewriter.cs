using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Rebuilds a book bottom-up, letting a transform replace any block or inline on the way. Children are
/// rewritten before their parent is handed to <see cref="RewriteBlock"/>/<see cref="RewriteInline"/>, in reading
/// order, so a transform that counts (figures, footnotes) sees nodes in the order a reader does.
/// </summary>
public abstract class ModelRewriter
{
    public virtual Book Rewrite(Book book) => book with { Chapters = book.Chapters.Select(RewriteChapter).ToArray() };

    protected virtual Chapter RewriteChapter(Chapter chapter) => chapter with
    {
        Blocks = Blocks(chapter.Blocks),
        Footnotes = chapter.Footnotes.Select(f => f with { Blocks = Blocks(f.Blocks) }).ToArray(),
    };

    protected IReadOnlyList<Block> Blocks(IReadOnlyList<Block> blocks) => blocks.Select(Block).ToArray();

    /// <summary>Rewrites a list of inlines; text nodes that end up side by side (a link turned into text) are joined.</summary>
    protected IReadOnlyList<Inline> Inlines(IReadOnlyList<Inline> inlines)
    {
        var result = new List<Inline>(inlines.Count);
        foreach (var inline in inlines.SelectMany(Inline))
        {
            if (inline is Text t && result.Count > 0 && result[^1] is Text previous)
                result[^1] = previous with { Value = previous.Value + t.Value };
            else result.Add(inline);
        }
        return result;
    }

    private Block Block(Block block)
    {
        var rebuilt = block switch
        {
            Heading h => h with { Content = Inlines(h.Content) },
            Paragraph p => p with { Content = Inlines(p.Content) },
            Figure f => f with { Caption = Inlines(f.Caption) },
            BlockQuote q => q with { Blocks = Blocks(q.Blocks) },
            Admonition a => a with { Blocks = Blocks(a.Blocks) },
            Details d => d with { Summary = Inlines(d.Summary), Blocks = Blocks(d.Blocks) },
            ListBlock l => l with { Items = l.Items.Select(i => i with { Blocks = Blocks(i.Blocks) }).ToArray() },
            Table t => t with
            {
                Header = t.Header.Select(Cell).ToArray(),
                Rows = t.Rows.Select(r => (IReadOnlyList<TableCell>)r.Select(Cell).ToArray()).ToArray(),
            },
            _ => block,
        };
        return RewriteBlock(rebuilt);
    }

    private TableCell Cell(TableCell cell) => cell with { Content = Inlines(cell.Content) };

    private IEnumerable<Inline> Inline(Inline inline)
    {
        var rebuilt = inline switch
        {
            Emphasis e => e with { Content = Inlines(e.Content) },
            Strong s => s with { Content = Inlines(s.Content) },
            Strikethrough s => s with { Content = Inlines(s.Content) },
            MarkedText m => m with { Content = Inlines(m.Content) },
            Link l => l with { Content = Inlines(l.Content) },
            _ => inline,
        };
        return RewriteInline(rebuilt);
    }

    /// <summary>Replaces one block (whose children are already rewritten); the default keeps it.</summary>
    protected virtual Block RewriteBlock(Block block) => block;

    /// <summary>Replaces one inline by zero or more inlines (children already rewritten); the default keeps it.</summary>
    protected virtual IEnumerable<Inline> RewriteInline(Inline inline) => [inline];
}
