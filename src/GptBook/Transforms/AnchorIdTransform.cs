using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Makes the ids of anchors in running text (<see cref="InlineAnchor"/>) and before blocks (<see cref="Block.Anchors"/>)
/// valid and unique the way heading ids are (<see cref="HeadingIdTransform.Slug"/>, so a link to "#name" finds it
/// through the same slug), after every heading, figure, footnote and equation has its id: an anchor never takes an id
/// from them, and adding one never renames a heading (whose id is its address on the site). A repeated anchor gets
/// -2, -3 … (GB0107, for information).
/// </summary>
public sealed class AnchorIdTransform(DiagnosticBag diagnostics) : ModelRewriter
{
    private readonly UniqueIds _ids = new();

    public override Book Rewrite(Book book)
    {
        var blocks = book.AllBlocksWithFootnotes().ToList();
        if (!blocks.Any(b => b.AnchorIds().Any())) return book;
        foreach (var h in book.Headings()) _ids.Reserve(h.Id);
        foreach (var f in book.Figures()) _ids.Reserve(f.Id);
        foreach (var n in book.Chapters.SelectMany(c => c.Footnotes)) _ids.Reserve(n.Id);
        foreach (var id in blocks.SelectMany(b => b.EquationIds())) _ids.Reserve(id);
        return base.Rewrite(book);
    }

    protected override IReadOnlyList<Inline> RewriteInline(Inline inline) =>
        inline is InlineAnchor anchor ? [anchor with { Id = Claim(anchor.Id, anchor.Span) }] : [inline];

    protected override Block RewriteBlock(Block block) =>
        block.Anchors.Count > 0 ? block with { Anchors = block.Anchors.Select(id => Claim(id, block.Span)).ToArray() } : block;

    private string Claim(string name, SourceSpan span)
    {
        var id = HeadingIdTransform.Slug(name);
        var unique = _ids.Claim(id);
        if (unique != id)
            diagnostics.Report(DiagnosticCodes.DuplicateHeadingId, span, $"anchor id '{id}' is already used; this anchor gets '{unique}'");
        return unique;
    }
}
