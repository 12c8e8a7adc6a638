namespace GptBook.Model;

/// <summary>
/// The places inside a block that links can name besides the block itself: the lines its formulas number and the
/// anchors in its text. Read by whoever needs the book's ids (the EPUB's chunker, the id and link transforms), for
/// every block, several times a build: so the block's inlines are walked directly, and a block with no such place
/// (nearly all of them) costs no list and no enumerator per inline.
/// </summary>
public static class BlockPlaces
{
    /// <summary>The ids of the equations numbered in the block's own formulas: a display, or math in its text.</summary>
    public static IReadOnlyList<string> EquationIds(this Block block)
    {
        List<string>? ids = null;
        if (block is DisplayMath display) AddEquations(display.Formula, ref ids);
        foreach (var inlines in block.InlineContent()) Walk(inlines, equations: true, ref ids);
        return ids ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The ids anchors give the block: its own (<see cref="Block.Anchors"/>), then those in its text (<see cref="InlineAnchor"/>).</summary>
    public static IReadOnlyList<string> AnchorIds(this Block block)
    {
        List<string>? ids = block.Anchors.Count > 0 ? [.. block.Anchors] : null;
        foreach (var inlines in block.InlineContent()) Walk(inlines, equations: false, ref ids);
        return ids ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Depth-first, in reading order: the equations' ids or the anchors' (<paramref name="equations"/>).</summary>
    private static void Walk(IReadOnlyList<Inline> inlines, bool equations, ref List<string>? ids)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            var inline = inlines[i];
            if (equations && inline is InlineMath math) AddEquations(math.Formula, ref ids);
            else if (!equations && inline is InlineAnchor anchor) (ids ??= []).Add(anchor.Id);
            if (inline.Children.Count > 0) Walk(inline.Children, equations, ref ids);
        }
    }

    private static void AddEquations(Formulas.MathFormula formula, ref List<string>? ids)
    {
        foreach (var number in formula.Numbers)
            if (number.Id is { } id) (ids ??= []).Add(id);
    }
}
