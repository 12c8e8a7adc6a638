using GptBook.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;
using GptBook.Units;

namespace GptBook.Pdf;

/// <summary>
/// Keeps PDFsharp's structure builder in step with the fragments being drawn: before a fragment, the elements on
/// the path from the document to its <see cref="StructureNode"/> are opened (and any others closed); artifacts are
/// wrapped in an Artifact marked-content sequence. Elements stay open across page breaks, so a paragraph that
/// continues overleaf stays one P. Formula and Figure elements are handed to <paramref name="illustrations"/>, which
/// writes them into the saved file itself.
/// </summary>
internal sealed class StructureTagWriter(StructureBuilder builder, IllustrationElementWriter illustrations)
{
    private static readonly HashSet<string> Grouping = ["Div", "Sect", "Part", "Art", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct"];
    private static readonly HashSet<string> Inline = ["Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link"];
    private readonly List<StructureNode> _open = [];

    /// <summary>Opens the path to <paramref name="node"/>; a link element is opened with its annotation.</summary>
    public void Enter(StructureNode node, XRect bounds, PdfLinkAnnotation? annotation = null)
    {
        var path = node.PathFromRoot();
        var common = 0;
        while (common < _open.Count && common < path.Count && ReferenceEquals(_open[common], path[common])) common++;
        if (annotation != null && common == path.Count && common > 0 && ReferenceEquals(_open[^1], node))
            common--; // a second annotation for the same link (a link split over lines) gets its own element
        CloseTo(common);
        for (var i = common; i < path.Count; i++)
        {
            var n = path[i];
            Begin(n, bounds, i == path.Count - 1 ? annotation : null);
            _open.Add(n);
        }
    }

    public void Artifact(Action draw)
    {
        builder.BeginArtifact();
        draw();
        builder.End();
    }

    /// <summary>Ends the current marked-content sequence before a page's graphics are closed.</summary>
    public void EndPage() => builder.EndMarkedContentsWithId();

    public void CloseAll() => CloseTo(0);

    private void CloseTo(int depth)
    {
        while (_open.Count > depth)
        {
            builder.End();
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private void Begin(StructureNode node, XRect bounds, PdfLinkAnnotation? annotation)
    {
        if (node.Tag == "Link" && annotation != null)
            builder.BeginElement(annotation, node.AltText is { Length: > 0 } alt ? alt : node.LinkTarget ?? "link");
        else if (node.Tag is "Figure" or "Formula")
        {
            builder.BeginIllustrationElement(node.Tag, node.AltText ?? "", bounds);
            illustrations.Add(builder.CurrentStructureElement);
        }
        else if (Grouping.Contains(node.Tag))
            builder.BeginGroupingElement(node.Tag);
        else if (Inline.Contains(node.Tag))
            builder.BeginInlineLevelElement(node.Tag);
        else
            builder.BeginBlockLevelElement(node.Tag);
        if (node.Language is { } language) builder.SetLanguage(language);
    }
}
