using GptBook.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;
using GptBook.Units;

namespace GptBook.Pdf;

/// <summary>
/// Keeps PDFsharp's structure builder in step with the fragments being drawn: before a fragment, the elements on
/// the path from the document to its <see cref="StructureNode"/> are opened (and any others closed); artifacts are
/// wrapped in an Artifact marked-content sequence. Elements stay open across page breaks, so a paragraph that
/// continues overleaf stays one P. Figure elements are handed to <paramref name="illustrations"/>, which writes them
/// into the saved file itself; formulas are tagged by <paramref name="formulas"/> without PDFsharp's elements (their
/// marked content is an artifact to PDFsharp, so it is ended with the page and begun again on the next).
/// </summary>
internal sealed class StructureTagWriter(StructureBuilder builder, IllustrationElementWriter illustrations, FormulaStructureTagger formulas)
{
    private static readonly HashSet<string> Grouping = ["Div", "Sect", "Part", "Art", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct"];
    private static readonly HashSet<string> Inline = ["Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link"];
    private readonly List<StructureNode> _open = [];
    private PdfPage? _page;
    private XGraphics? _gfx;

    /// <summary>The page being drawn and its graphics, where formulas' marked content goes.</summary>
    public void BeginPage(PdfPage page, XGraphics gfx)
    {
        _page = page;
        _gfx = gfx;
    }

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
        CloseOwnFormula(); // not inside the formula's marked content, which is an artifact to PDFsharp
        builder.BeginArtifact();
        draw();
        builder.End();
    }

    /// <summary>Ends the current marked-content sequence (a formula's too) before a page's graphics are closed.</summary>
    public void EndPage()
    {
        CloseOwnFormula();
        builder.EndMarkedContentsWithId();
    }

    /// <summary>Ends a formula's marked content; the next fragment of the formula begins another one for the same element.</summary>
    private void CloseOwnFormula()
    {
        if (_open.Count > 0 && IsOwnFormula(_open[^1])) CloseTo(_open.Count - 1);
    }

    public void CloseAll() => CloseTo(0);

    private void CloseTo(int depth)
    {
        while (_open.Count > depth)
        {
            builder.End();
            _open.RemoveAt(_open.Count - 1);
        }
    }

    /// <summary>A formula <see cref="FormulaStructureTagger"/> tags; one with a language of its own is left to PDFsharp.</summary>
    private static bool IsOwnFormula(StructureNode node) => node.Tag == "Formula" && node.Language == null;

    private void Begin(StructureNode node, XRect bounds, PdfLinkAnnotation? annotation)
    {
        if (node.Tag == "Link" && annotation != null)
            builder.BeginElement(annotation, node.AltText is { Length: > 0 } alt ? alt : node.LinkTarget ?? "link");
        else if (IsOwnFormula(node))
            formulas.Begin(node, bounds, _page ?? throw new InvalidOperationException("a formula outside a page"), _gfx!);
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
