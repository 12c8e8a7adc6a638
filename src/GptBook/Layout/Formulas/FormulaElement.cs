namespace GptBook.Layout.Formulas;

/// <summary>
/// The Formula structure element of one inline formula, made under the paragraph's element when its first piece
/// is drawn, so that a formula broken over two lines is still one Formula with its TeX source as alternate text.
/// </summary>
public sealed class FormulaElement(string source)
{
    private StructureNode? _node;

    public string Source { get; } = source;

    public StructureNode Under(StructureNode parent)
    {
        if (_node == null || !ReferenceEquals(_node.Parent, parent)) _node = parent.Child("Formula", altText: Source);
        return _node;
    }
}
