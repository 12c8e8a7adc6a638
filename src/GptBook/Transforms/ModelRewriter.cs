using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Rebuilds a book bottom-up, letting a transform replace any block or inline on the way. Children are
/// rewritten before their parent is handed to <see cref="RewriteBlock"/>/<see cref="RewriteInline"/>, in reading
/// order, so a transform that counts (figures, footnotes) sees nodes in the order a reader does. What no transform
/// changed is kept as it was, the same objects: ten transforms run over every book, most of them touching a few
/// blocks, and copying every paragraph and list ten times was most of their time.
/// </summary>
public abstract class ModelRewriter
{
    public virtual Book Rewrite(Book book) => book with { Chapters = book.Chapters.Select(RewriteChapter).ToArray() };

    protected virtual Chapter RewriteChapter(Chapter chapter)
    {
        var blocks = Blocks(chapter.Blocks);
        var footnotes = Kept(chapter.Footnotes, f => Blocks(f.Blocks) is var b && !ReferenceEquals(b, f.Blocks) ? f with { Blocks = b } : f);
        return ReferenceEquals(blocks, chapter.Blocks) && ReferenceEquals(footnotes, chapter.Footnotes)
            ? chapter
            : chapter with { Blocks = blocks, Footnotes = footnotes };
    }

    protected IReadOnlyList<Block> Blocks(IReadOnlyList<Block> blocks) => Kept(blocks, Block);

    /// <summary>Rewrites a list of inlines; text nodes that end up side by side (a link turned into text) are joined.</summary>
    protected IReadOnlyList<Inline> Inlines(IReadOnlyList<Inline> inlines)
    {
        List<Inline>? result = null; // made when an inline is replaced, or when two texts are to be joined
        for (var i = 0; i < inlines.Count; i++)
        {
            var original = inlines[i];
            var rewritten = Inline(original);
            if (result == null)
            {
                var joins = original is Text && i > 0 && inlines[i - 1] is Text;
                if (!joins && rewritten.Count == 1 && ReferenceEquals(rewritten[0], original)) continue;
                result = new List<Inline>(inlines.Count);
                for (var k = 0; k < i; k++) result.Add(inlines[k]);
            }
            foreach (var inline in rewritten)
            {
                if (inline is Text t && result.Count > 0 && result[^1] is Text previous)
                    result[^1] = previous with { Value = previous.Value + t.Value };
                else result.Add(inline);
            }
        }
        return result ?? inlines;
    }

    private Block Block(Block block)
    {
        var rebuilt = block switch
        {
            Heading h => Changed(h.Content, Inlines(h.Content)) is { } c ? h with { Content = c } : h,
            Paragraph p => Changed(p.Content, Inlines(p.Content)) is { } c ? p with { Content = c } : p,
            Figure f => Changed(f.Caption, Inlines(f.Caption)) is { } c ? f with { Caption = c } : f,
            BlockQuote q => Changed(q.Blocks, Blocks(q.Blocks)) is { } b ? q with { Blocks = b } : q,
            Admonition a => Changed(a.Blocks, Blocks(a.Blocks)) is { } b ? a with { Blocks = b } : a,
            Details d => (Inlines(d.Summary), Blocks(d.Blocks)) is var (summary, inner)
                         && (!ReferenceEquals(summary, d.Summary) || !ReferenceEquals(inner, d.Blocks))
                ? d with { Summary = summary, Blocks = inner }
                : d,
            ListBlock l => Changed(l.Items, Kept(l.Items, i => Changed(i.Blocks, Blocks(i.Blocks)) is { } b ? i with { Blocks = b } : i)) is { } items
                ? l with { Items = items }
                : l,
            Table t => (Kept(t.Header, Cell), Kept(t.Rows, r => Kept(r, Cell))) is var (header, rows)
                       && (!ReferenceEquals(header, t.Header) || !ReferenceEquals(rows, t.Rows))
                ? t with { Header = header, Rows = rows }
                : t,
            _ => block,
        };
        return RewriteBlock(rebuilt);
    }

    private TableCell Cell(TableCell cell) => Changed(cell.Content, Inlines(cell.Content)) is { } c ? cell with { Content = c } : cell;

    private IReadOnlyList<Inline> Inline(Inline inline)
    {
        var rebuilt = inline switch
        {
            Emphasis e => Changed(e.Content, Inlines(e.Content)) is { } c ? e with { Content = c } : e,
            Strong s => Changed(s.Content, Inlines(s.Content)) is { } c ? s with { Content = c } : s,
            Strikethrough s => Changed(s.Content, Inlines(s.Content)) is { } c ? s with { Content = c } : s,
            MarkedText m => Changed(m.Content, Inlines(m.Content)) is { } c ? m with { Content = c } : m,
            Link l => Changed(l.Content, Inlines(l.Content)) is { } c ? l with { Content = c } : l,
            _ => inline,
        };
        return RewriteInline(rebuilt);
    }

    /// <summary>The rewritten list, or null when it is the original (nothing in it changed).</summary>
    private static IReadOnlyList<T>? Changed<T>(IReadOnlyList<T> original, IReadOnlyList<T> rewritten) =>
        ReferenceEquals(original, rewritten) ? null : rewritten;

    /// <summary>Each item rewritten; the same list when every item came back as it was.</summary>
    private static IReadOnlyList<T> Kept<T>(IReadOnlyList<T> items, Func<T, T> rewrite) where T : class
    {
        T[]? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = rewrite(items[i]);
            if (result == null)
            {
                if (ReferenceEquals(item, items[i])) continue;
                result = new T[items.Count];
                for (var k = 0; k < i; k++) result[k] = items[k];
            }
            result[i] = item;
        }
        return result ?? items;
    }

    /// <summary>Replaces one block (whose children are already rewritten); the default keeps it.</summary>
    protected virtual Block RewriteBlock(Block block) => block;

    /// <summary>Replaces one inline by zero or more inlines (children already rewritten); the default keeps it.</summary>
    protected virtual IReadOnlyList<Inline> RewriteInline(Inline inline) => [inline];
}
