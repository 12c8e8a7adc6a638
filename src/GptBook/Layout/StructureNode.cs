namespace GptBook.Layout;

/// <summary>
/// One element of the tagged-PDF structure tree (H2, P, L, LI, Lbl, LBody, Figure, Caption, BlockQuote, Table,
/// TR, TH, TD, TOC, TOCI, Link, Code …). The layout builds the tree while it turns blocks into boxes; fragments
/// point at their innermost node, and the writer opens and closes elements as it walks the fragments.
/// </summary>
public sealed class StructureNode
{
    private StructureNode(string tag, StructureNode? parent, string? altText, string? linkTarget)
    {
        Tag = tag;
        Parent = parent;
        AltText = altText;
        LinkTarget = linkTarget;
    }

    public string Tag { get; }
    public StructureNode? Parent { get; }
    public string? AltText { get; }
    /// <summary>For Link elements: the URL or <c>#id</c>, so the writer can attach the annotation.</summary>
    public string? LinkTarget { get; }

    /// <summary>
    /// The element's language (/Lang) when it differs from the document's: an English paragraph in a Chinese book.
    /// Set by the layout once it has read the passage's text.
    /// </summary>
    public string? Language { get; set; }

    public static StructureNode Root() => new("Document", null, null, null);

    public StructureNode Child(string tag, string? altText = null, string? linkTarget = null) => new(tag, this, altText, linkTarget);

    /// <summary>From the outermost element below the root down to this one.</summary>
    public IReadOnlyList<StructureNode> PathFromRoot()
    {
        var path = new List<StructureNode>();
        for (var n = this; n.Parent != null; n = n.Parent) path.Add(n);
        path.Reverse();
        return path;
    }

    public override string ToString() => Tag;
}
