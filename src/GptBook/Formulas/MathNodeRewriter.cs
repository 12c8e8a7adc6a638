namespace GptBook.Formulas;

/// <summary>
/// Rebuilds a formula tree bottom-up, letting a function replace any node once its children are rebuilt (the
/// numbering transform fills in what <see cref="MathReference"/>s point to this way). Unchanged subtrees are kept.
/// </summary>
public static class MathNodeRewriter
{
    public static MathNode Rewrite(MathNode node, Func<MathNode, MathNode> replace)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(replace);
        MathNode R(MathNode n) => Rewrite(n, replace);
        MathNode? O(MathNode? n) => n is null ? null : Rewrite(n, replace);
        var rebuilt = node switch
        {
            MathRow r => r with { Items = r.Items.Select(R).ToArray() },
            MathFraction f => f with { Numerator = R(f.Numerator), Denominator = R(f.Denominator) },
            MathScripts s => s with { Base = R(s.Base), Subscript = O(s.Subscript), Superscript = O(s.Superscript) },
            MathRadical r => r with { Radicand = R(r.Radicand), Degree = O(r.Degree) },
            MathFenced f => f with { Segments = f.Segments.Select(R).ToArray() },
            MathAccent a => a with { Base = R(a.Base), Label = O(a.Label) },
            MathUnderOver u => u with { Base = R(u.Base), Under = O(u.Under), Over = O(u.Over) },
            MathStyled s => s with { Content = R(s.Content) },
            MathBoxed b => b with { Content = R(b.Content) },
            MathCancel c => c with { Content = R(c.Content) },
            MathColoured c => c with { Content = R(c.Content) },
            MathClassed c => c with { Content = R(c.Content) },
            MathTable t => t with { Rows = t.Rows.Select(row => new MathTableRow(row.Cells.Select(R).ToArray())).ToArray() },
            _ => node,
        };
        return replace(rebuilt);
    }
}
