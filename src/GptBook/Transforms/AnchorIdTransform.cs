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
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public override Book Rewrite(Book book)
    {
        var blocks = book.AllBlocksWithFootnotes().ToList();
        if (!blocks.Any(b => b.InlineContent().Any(l => l.Any(i => i.DescendantsAndSelf().Any(d => d is InlineAnchor))))) return book;
        foreach (var h in book.Headings()) _used.Add(h.Id);
        foreach (var f in book.Figures()) _used.Add(f.Id);
        foreach (var n in book.Chapters.SelectMany(c => c.Footnotes)) _used.Add(n.Id);
        foreach (var formula in blocks.SelectMany(Formulas))
            foreach (var number in formula.Numbers)
                if (number.Id != null) _used.Add(number.Id);
        return base.Rewrite(book);
    }

    private static IEnumerable<Formulas.MathFormula> Formulas(Block block) => block switch
    {
        DisplayMath m => [m.Formula],
        _ => block.InlineContent().SelectMany(l => l).SelectMany(i => i.DescendantsAndSelf()).OfType<InlineMath>().Select(i => i.Formula),
    };

    protected override IEnumerable<Inline> RewriteInline(Inline inline)
    {
        if (inline is not InlineAnchor anchor) return [inline];
        var id = HeadingIdTransform.Slug(anchor.Id);
        var unique = id;
        for (var n = 2; !_used.Add(unique); n++) unique = $"{id}-{n}";
        if (unique != id)
            diagnostics.Report(DiagnosticCodes.DuplicateHeadingId, anchor.Span, $"anchor id '{id}' is already used; this anchor gets '{unique}'");
        return [anchor with { Id = unique }];
    }
}
