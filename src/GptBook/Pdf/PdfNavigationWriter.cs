using GptBook.Layout;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace GptBook.Pdf;

/// <summary>
/// What lets a reader move around the PDF: the outline (bookmarks nested by heading level, each at its heading's
/// position), internal link destinations, and page labels (front matter i, ii, …; body 1, 2, …) written as the
/// catalog's /PageLabels number tree, for which PDFsharp has no API.
/// </summary>
internal static class PdfNavigationWriter
{
    public static void WriteOutline(PdfDocument document, BookLayout layout)
    {
        var stack = new List<(int Level, PdfOutline Outline)>();
        foreach (var entry in layout.Outline)
        {
            if (!layout.Anchors.TryGetValue(entry.AnchorId, out var at)) continue;
            while (stack.Count > 0 && stack[^1].Level >= entry.Level) stack.RemoveAt(stack.Count - 1);
            var outline = new PdfOutline(entry.Title, document.Pages[at.PageIndex], true)
            {
                PageDestinationType = PdfPageDestinationType.Xyz,
                Left = at.X.Points,
                Top = (layout.Geometry.MediaHeight - at.Y).Points,
            };
            (stack.Count > 0 ? stack[^1].Outline.Outlines : document.Outlines).Add(outline);
            stack.Add((entry.Level, outline));
        }
    }

    public static void ResolveLinks(PdfDocument document, BookLayout layout, IEnumerable<(PdfLinkAnnotation Link, string Id)> links)
    {
        foreach (var (link, id) in links)
        {
            if (!layout.Anchors.TryGetValue(id, out var at)) continue;
            var page = document.Pages[at.PageIndex];
            link.Elements["/Dest"] = new PdfArray(document,
                page.Reference!,
                new PdfName("/XYZ"),
                new PdfReal(Math.Round(at.X.Points, 2)),
                new PdfReal(Math.Round((layout.Geometry.MediaHeight - at.Y).Points, 2)),
                new PdfInteger(0));
        }
    }

    public static void WritePageLabels(PdfDocument document, BookLayout layout)
    {
        var nums = new PdfArray(document);
        nums.Elements.Add(new PdfInteger(0));
        nums.Elements.Add(Style(document, "/r"));
        if (layout.BodyStartIndex < layout.Pages.Count)
        {
            nums.Elements.Add(new PdfInteger(layout.BodyStartIndex));
            nums.Elements.Add(Style(document, "/D"));
        }
        var labels = new PdfDictionary(document);
        labels.Elements["/Nums"] = nums;
        document.Internals.Catalog.Elements["/PageLabels"] = labels;
    }

    private static PdfDictionary Style(PdfDocument document, string style)
    {
        var d = new PdfDictionary(document);
        d.Elements.SetName("/S", style);
        return d;
    }
}
