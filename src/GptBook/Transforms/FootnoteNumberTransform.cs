using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Numbers footnotes 1, 2, … per book in the order of their first reference, and gives each the id "fn-N".
/// A chapter's footnotes are listed in that order; a footnote that nothing references keeps its place after the
/// referenced ones (it is still content), numbered after them.
/// </summary>
public sealed class FootnoteNumberTransform : ModelRewriter
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public override Book Rewrite(Book book)
    {
        var references = book.AllBlocksWithFootnotes()
            .SelectMany(b => b.InlineContent()).SelectMany(list => list).SelectMany(i => i.DescendantsAndSelf())
            .OfType<FootnoteReference>();
        foreach (var r in references)
            _numbers.TryAdd(r.FootnoteId, _numbers.Count + 1);
        foreach (var chapter in book.Chapters)
            foreach (var footnote in chapter.Footnotes)
                _numbers.TryAdd(footnote.Id, _numbers.Count + 1);
        return base.Rewrite(book);
    }

    protected override Chapter RewriteChapter(Chapter chapter)
    {
        var rewritten = base.RewriteChapter(chapter);
        var footnotes = rewritten.Footnotes
            .Select(f => f with { Number = _numbers[f.Id], Id = IdFor(_numbers[f.Id]) })
            .OrderBy(f => f.Number)
            .ToArray();
        return rewritten with { Footnotes = footnotes };
    }

    protected override IReadOnlyList<Inline> RewriteInline(Inline inline)
    {
        if (inline is FootnoteReference r && _numbers.TryGetValue(r.FootnoteId, out var n))
            return [r with { FootnoteId = IdFor(n), Number = n }];
        return [inline];
    }

    public static string IdFor(int number) => $"fn-{number}";
}
