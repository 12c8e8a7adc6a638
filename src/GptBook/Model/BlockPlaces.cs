namespace GptBook.Model;

/// <summary>
/// The places inside a block that links can name besides the block itself: the lines its formulas number and the
/// anchors in its text. Read by whoever needs the book's ids (the EPUB's chunker, the id and link transforms).
/// </summary>
public static class BlockPlaces
{
    /// <summary>The ids of the equations numbered in the block's own formulas: a display, or math in its text.</summary>
    public static IEnumerable<string> EquationIds(this Block block)
    {
        var formulas = Inlines(block).OfType<InlineMath>().Select(i => i.Formula);
        if (block is DisplayMath display) formulas = formulas.Prepend(display.Formula);
        return formulas.SelectMany(f => f.Numbers).Select(n => n.Id).OfType<string>();
    }

    /// <summary>The ids anchors give the block: its own (<see cref="Block.Anchors"/>), then those in its text (<see cref="InlineAnchor"/>).</summary>
    public static IEnumerable<string> AnchorIds(this Block block) =>
        block.Anchors.Concat(Inlines(block).OfType<InlineAnchor>().Select(a => a.Id));

    private static IEnumerable<Inline> Inlines(Block block) =>
        block.InlineContent().SelectMany(list => list).SelectMany(i => i.DescendantsAndSelf());
}
