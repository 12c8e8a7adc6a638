using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharpReader = PdfSharp.Pdf.IO.PdfReader;

namespace GptBook.Tests.Support;

/// <summary>A written PDF's structure tree, read back with PDFsharp.</summary>
public static class PdfStructureTree
{
    /// <summary>How many elements of the tree are of structure type <paramref name="type"/> ("/Figure").</summary>
    public static int Count(string path, string type)
    {
        using var document = PdfSharpReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var root = document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!;
        var count = 0;
        void Walk(PdfItem? item)
        {
            switch (item)
            {
                case PdfReference r:
                    Walk(r.Value);
                    break;
                case PdfArray a:
                    foreach (var child in a.Elements) Walk(child);
                    break;
                case PdfDictionary d when d.Elements.GetName("/S") is { } s:
                    if (s == type) count++;
                    Walk(d.Elements["/K"]);
                    break;
            }
        }
        Walk(root.Elements["/K"]);
        return count;
    }
}
