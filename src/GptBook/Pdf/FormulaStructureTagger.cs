using System.Globalization;
using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;

namespace GptBook.Pdf;

/// <summary>
/// Tags a formula in the structure tree without PDFsharp's structure builder, which for each formula made a
/// structure element of a dozen small objects (names, a kids array, an attributes array, a rectangle, a string) and
/// ran its bookkeeping again for every string drawn in it: a book of 2,000 formulas spent a tenth of its PDF's time
/// there. PDFsharp is told only that an artifact begins (so it ends the paragraph's marked content and tags nothing
/// drawn inside), after a switch out of any text object as for its own illustrations; a comment after the artifact's
/// opening carries the formula's marked-content id, and the page's rewriting (<see cref="PositionedTextWriter"/>)
/// turns the two into <c>/Formula &lt;&lt;/MCID n&gt;&gt; BDC</c>. The id is the next one of the page's PDFsharp
/// would have given (its counter is internal, so it is read and moved on by reflection), the parent tree's entry for
/// that id is the formula's element, and the element is an empty dictionary in the parent's kids that
/// <see cref="IllustrationElementWriter"/> fills in after the save: /Alt with the TeX source, the /BBox, its page
/// and ids. A formula continued on another page (the rows of an align) is the same element, with a marked-content
/// reference for the second page.
/// </summary>
internal sealed class FormulaStructureTagger(PdfDocument document, UAManager ua, IllustrationElementWriter elements)
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

    // PDFsharp 6.2.4's per-page marked-content counter (StructureBuilder.NextMcid, internal).
    private static readonly PropertyInfo NextMcid = typeof(StructureBuilder).GetProperty("NextMcid", Internal)
        ?? throw new InvalidOperationException("PDFsharp's StructureBuilder has no NextMcid: the pinned version changed");

    private Layout.StructureNode? _node;
    private IllustrationElementWriter.Entries? _element;

    /// <summary>The comment after an artifact's opening that makes it a formula's marked content (<see cref="PositionedTextWriter"/>).</summary>
    public const string Marker = "gptbook-formula ";

    /// <summary>
    /// Begins <paramref name="node"/>'s marked content on <paramref name="page"/>; PDFsharp's <c>End</c> ends it.
    /// The caller's rewriting of the page must then know that the page has a formula (returns true).
    /// </summary>
    public void Begin(Layout.StructureNode node, XRect bounds, PdfPage page, XGraphics gfx)
    {
        var builder = ua.StructureBuilder;
        builder.EndMarkedContentsWithId();
        ua.BeginGraphicMode(); // as for PDFsharp's illustrations: the marked content does not start inside a text object
        var parent = builder.CurrentStructureElement;
        builder.BeginArtifact();
        var mcid = (int)NextMcid.GetValue(builder)!;
        NextMcid.SetValue(builder, mcid + 1);
        gfx.WriteComment(Marker + mcid.ToString(CultureInfo.InvariantCulture));

        var pageReference = page.Reference ?? throw new InvalidOperationException("a page without an object number");
        if (ReferenceEquals(node, _node) && _element != null)
            _element.Kids.Add((pageReference, mcid));
        else
        {
            var element = new PdfDictionary(document);
            document.Internals.AddObject(element);
            Kids(parent).Elements.Add(element);
            _element = new IllustrationElementWriter.Entries(element, "/Formula", parent.Reference!, pageReference,
                [(pageReference, mcid)], node.AltText ?? "", new PdfRectangle(bounds));
            _node = node;
            elements.Add(_element);
        }
        PageParents(page).Elements.Add(_element.Element);
    }

    private static PdfArray Kids(PdfDictionary parent)
    {
        if (parent.Elements.GetArray("/K") is { } kids) return kids;
        kids = new PdfArray();
        parent.Elements.SetObject("/K", kids);
        return kids;
    }

    /// <summary>
    /// The parent tree's array for <paramref name="page"/> (the element of each marked-content id, in id order), made
    /// as PDFsharp makes it when the formula is the page's first marked content.
    /// </summary>
    private PdfArray PageParents(PdfPage page)
    {
        var root = ua.StructureTreeRoot;
        var tree = root.Elements.GetDictionary("/ParentTree") as PdfNumberTreeNode
            ?? throw new InvalidOperationException("PDFsharp's structure tree has no parent tree");
        var nums = tree.Elements.GetArray("/Nums");
        if (nums == null)
        {
            nums = new PdfArray();
            tree.Elements.SetObject("/Nums", nums);
        }
        if (page.Elements.GetValue("/StructParents") == null)
        {
            var next = root.Elements.GetInteger("/ParentTreeNextKey");
            page.Elements.SetInteger("/StructParents", next);
            root.Elements.SetInteger("/ParentTreeNextKey", next + 1);
            tree.AddNumber(next, new PdfArray());
        }
        var key = page.Elements.GetInteger("/StructParents");
        for (var i = 0; i + 1 < nums.Elements.Count; i += 2)
            if (nums.Elements[i] is PdfInteger { Value: var k } && k == key && nums.Elements[i + 1] is PdfArray array)
                return array;
        throw new InvalidOperationException($"the parent tree has no entry for the page's key {key}");
    }
}
