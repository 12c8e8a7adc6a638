using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Makes the ids of anchors in running text (<see cref="InlineAnchor"/>) valid and unique the way heading ids are
/// (<see cref="HeadingIdTransform.Slug"/>, so a link to "#name" finds it through the same slug), after every heading,
/// figure, footnote and equation has its id: an anchor never takes an id from them, and adding one never renames a
/// heading (whose id is its address on the site). A repeated anchor gets -2, -3 … (GB0107, for information).
/// </summary>
public sealed class AnchorIdTransform(DiagnosticBag diagnostics) : ModelRewriter
{
    private readonly UniqueIds _ids = new();

    public override Book Rewrite(Book book)
    {
        var blocks = book.AllBlocksWithFootnotes().ToList();
        if (!blocks.Any(b => b.Anchors().Any())) return book;
        foreach (var h in book.Headings()) _ids.Reserve(h.Id);
        foreach (var f in book.Figures()) _ids.Reserve(f.Id);
        foreach (var n in book.Chapters.SelectMany(c => c.Footnotes)) _ids.Reserve(n.Id);
        foreach (var id in blocks.SelectMany(b => b.EquationIds())) _ids.Reserve(id);
        return base.Rewrite(book);
    }

    protected override IEnumerable<Inline> RewriteInline(Inline inline)
    {
        if (inline is not InlineAnchor anchor) return [inline];
        var id = HeadingIdTransform.Slug(anchor.Id);
        var unique = _ids.Claim(id);
        if (unique != id)
            diagnostics.Report(DiagnosticCodes.DuplicateHeadingId, anchor.Span, $"anchor id '{id}' is already used; this anchor gets '{unique}'");
        return [anchor with { Id = unique }];
    }
}
