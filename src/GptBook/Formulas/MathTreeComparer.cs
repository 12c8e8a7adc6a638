namespace GptBook.Formulas;

/// <summary>
/// Whether two formula trees are the same formula, node by node. The nodes are records, but a record compares its
/// lists (a row's items, a table's rows) by reference, so two parses of the same TeX are never equal as records;
/// this compares them by content, so that a writer can set a formula used many times (<c>$x$</c>, a repeated
/// display) once. Two trees that are equal here draw the same in every output.
/// </summary>
public sealed class MathTreeComparer : IEqualityComparer<MathNode>
{
    public static MathTreeComparer Instance { get; } = new();

    private MathTreeComparer() { }

    public bool Equals(MathNode? x, MathNode? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.GetType() != y.GetType()) return false;
        return (x, y) switch
        {
            (MathRow a, MathRow b) => Same(a.Items, b.Items),
            (MathFraction a, MathFraction b) => a.HasRule == b.HasRule && a.Style == b.Style && a.LeftDelimiter == b.LeftDelimiter
                && a.RightDelimiter == b.RightDelimiter && Equals(a.Numerator, b.Numerator) && Equals(a.Denominator, b.Denominator),
            (MathScripts a, MathScripts b) => Equals(a.Base, b.Base) && Equals(a.Subscript, b.Subscript) && Equals(a.Superscript, b.Superscript),
            (MathRadical a, MathRadical b) => Equals(a.Radicand, b.Radicand) && Equals(a.Degree, b.Degree),
            (MathFenced a, MathFenced b) => a.Left == b.Left && a.Right == b.Right && a.Middles.SequenceEqual(b.Middles, StringComparer.Ordinal)
                && Same(a.Segments, b.Segments),
            (MathAccent a, MathAccent b) => a.Command == b.Command && a.Mark == b.Mark && a.Stretchy == b.Stretchy && a.Under == b.Under
                && Equals(a.Base, b.Base) && Equals(a.Label, b.Label),
            (MathUnderOver a, MathUnderOver b) => a.Stretchy == b.Stretchy && Equals(a.Base, b.Base) && Equals(a.Under, b.Under) && Equals(a.Over, b.Over),
            (MathBoxed a, MathBoxed b) => Equals(a.Content, b.Content),
            (MathCancel a, MathCancel b) => a.Stroke == b.Stroke && Equals(a.Content, b.Content),
            (MathColoured a, MathColoured b) => a.Colour == b.Colour && Equals(a.Content, b.Content),
            (MathStyled a, MathStyled b) => a.Style == b.Style && Equals(a.Content, b.Content),
            (MathClassed a, MathClassed b) => a.Class == b.Class && Equals(a.Content, b.Content),
            (MathTable a, MathTable b) => a.Environment == b.Environment && a.Left == b.Left && a.Right == b.Right
                && a.Columns.SequenceEqual(b.Columns) && a.Rows.Count == b.Rows.Count
                && a.Rows.Zip(b.Rows).All(r => r.First.SpaceBelow == r.Second.SpaceBelow && Same(r.First.Cells, r.Second.Cells)),
            // The rest hold no nodes, only strings, numbers and enums, which their record equality compares.
            _ => x.Equals(y),
        };
    }

    public int GetHashCode(MathNode node)
    {
        var hash = new HashCode();
        Add(ref hash, node);
        return hash.ToHashCode();
    }

    private bool Same(IReadOnlyList<MathNode> a, IReadOnlyList<MathNode> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!Equals(a[i], b[i])) return false;
        return true;
    }

    /// <summary>
    /// Every node's type and leaves, in order: equal trees hash alike (lists are hashed by their content, not their
    /// identity). Children are visited by hand, not through <see cref="MathNode.Children"/>, which allocates: this
    /// runs for every formula the layout sets.
    /// </summary>
    private static void Add(ref HashCode hash, MathNode? node)
    {
        if (node is null)
        {
            hash.Add(0);
            return;
        }
        hash.Add(node.GetType());
        switch (node)
        {
            case MathRow r:
                AddAll(ref hash, r.Items);
                break;
            case MathFraction f:
                Add(ref hash, f.Numerator);
                Add(ref hash, f.Denominator);
                break;
            case MathScripts s:
                Add(ref hash, s.Base);
                Add(ref hash, s.Subscript);
                Add(ref hash, s.Superscript);
                break;
            case MathRadical r:
                Add(ref hash, r.Radicand);
                Add(ref hash, r.Degree);
                break;
            case MathFenced f:
                hash.Add(f.Left);
                hash.Add(f.Right);
                AddAll(ref hash, f.Segments);
                break;
            case MathAccent a:
                hash.Add(a.Command);
                Add(ref hash, a.Base);
                Add(ref hash, a.Label);
                break;
            case MathUnderOver u:
                Add(ref hash, u.Base);
                Add(ref hash, u.Under);
                Add(ref hash, u.Over);
                break;
            case MathStyled s:
                hash.Add(s.Style);
                Add(ref hash, s.Content);
                break;
            case MathBoxed b:
                Add(ref hash, b.Content);
                break;
            case MathCancel c:
                hash.Add(c.Stroke);
                Add(ref hash, c.Content);
                break;
            case MathColoured c:
                hash.Add(c.Colour);
                Add(ref hash, c.Content);
                break;
            case MathClassed c:
                hash.Add(c.Class);
                Add(ref hash, c.Content);
                break;
            case MathTable t:
                hash.Add(t.Environment);
                foreach (var row in t.Rows) AddAll(ref hash, row.Cells);
                break;
            default:
                // No nodes inside: the record's own hash covers its strings, numbers and enums.
                hash.Add(node);
                break;
        }
    }

    private static void AddAll(ref HashCode hash, IReadOnlyList<MathNode> nodes)
    {
        hash.Add(nodes.Count);
        for (var i = 0; i < nodes.Count; i++) Add(ref hash, nodes[i]);
    }
}
