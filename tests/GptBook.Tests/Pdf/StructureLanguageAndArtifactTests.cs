using GptBook.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using PdfSharpReader = PdfSharp.Pdf.IO.PdfReader;

namespace GptBook.Tests.Pdf;

/// <summary>
/// What PDF/UA asks of the structure tree, read back from a small Chinese book: an English paragraph is a P with
/// /Lang en (the Chinese ones inherit the document's), and a picture with no alt text (nor caption) is drawn as an
/// artifact rather than tagged as a Figure with an empty /Alt.
/// </summary>
public sealed class StructureLanguageAndArtifactTests : IDisposable
{
    private readonly TempBookDirectory _book = new();

    public void Dispose() => _book.Dispose();

    private sealed record Element(string Type, string? Lang, string? Alt, List<(int Page, int Mcid)> Content);

    [Fact]
    public void English_paragraphs_carry_lang_en_and_pictures_without_alt_text_are_artifacts()
    {
        using (var image = new Image<Rgb24>(600, 300, new Rgb24(40, 90, 160)))
            image.SaveAsPng(_book.PathOf("chart.png"));
        using (var icon = new Image<Rgb24>(20, 20, new Rgb24(200, 40, 40)))
            icon.SaveAsPng(_book.PathOf("icon.png"));
        _book.Write("chapter.md", "# 语言\n\n这一段是中文，介绍后面的英文引文。\n\nThis paragraph is written in English inside a Chinese book, and readers should hear it in an English voice.\n\n" +
            "![损失曲线](chart.png)\n\n![](chart.png)\n\n点击![](icon.png)按钮开始。\n");
        var (path, diagnostics) = OneChapterPdf.Write(_book, "语言");

        var elements = Elements(path);
        using var pdf = PdfDocument.Open(path);
        var marked = new Dictionary<(int, int), MarkedContentElement>();
        foreach (var page in pdf.GetPages())
            foreach (var e in page.GetMarkedContents().Where(e => e.MarkedContentIdentifier >= 0))
                marked[(page.Number - 1, e.MarkedContentIdentifier)] = e;
        static IEnumerable<Letter> Letters(MarkedContentElement e) => e.Letters.Concat(e.Children.SelectMany(Letters));
        string Text(Element e) => string.Concat(e.Content.SelectMany(c => Letters(marked[c])).Select(l => l.Value));

        var paragraphs = elements.Where(e => e.Type == "P").Select(e => (e.Lang, Text: Text(e))).ToList();
        var english = Assert.Single(paragraphs, p => p.Text.Contains("Thisparagraph", StringComparison.Ordinal) || p.Text.Contains("This paragraph", StringComparison.Ordinal));
        Assert.Equal("en", english.Lang);
        Assert.Null(Assert.Single(paragraphs, p => p.Text.Contains("这一段是中文", StringComparison.Ordinal)).Lang);
        Assert.Null(Assert.Single(paragraphs, p => p.Text.Contains("点击", StringComparison.Ordinal)).Lang);

        // Three pictures drawn; one Figure (the one with alt text), the other two inside Artifact sequences.
        var figure = Assert.Single(elements, e => e.Type == "Figure");
        Assert.Equal("损失曲线", figure.Alt);
        Assert.Equal(3, pdf.GetPages().Sum(p => p.GetImages().Count()));
        var artifactImages = pdf.GetPages().SelectMany(p => p.GetMarkedContents()).Where(e => e.IsArtifact).Sum(e => e.Images.Count);
        Assert.Equal(2, artifactImages);
    }

    /// <summary>The structure elements below the root, in document order, with their marked content by page index and MCID.</summary>
    private static List<Element> Elements(string path)
    {
        using var document = PdfSharpReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var pageIndex = Enumerable.Range(0, document.PageCount).ToDictionary(i => document.Pages[i].Reference!.ObjectID);
        var found = new List<Element>();
        void Walk(PdfSharp.Pdf.PdfItem? item, int? page, Element? owner)
        {
            switch (item)
            {
                case PdfSharp.Pdf.Advanced.PdfReference r:
                    Walk(r.Value, page, owner);
                    break;
                case PdfSharp.Pdf.PdfArray a:
                    foreach (var child in a.Elements) Walk(child, page, owner);
                    break;
                case PdfSharp.Pdf.PdfInteger mcid when owner != null:
                    owner.Content.Add((page!.Value, mcid.Value));
                    break;
                case PdfSharp.Pdf.PdfDictionary d when d.Elements.GetName("/Type") == "/MCR" && owner != null:
                    var mcrPage = d.Elements["/Pg"] is PdfSharp.Pdf.Advanced.PdfReference mp ? pageIndex[mp.ObjectID] : page;
                    owner.Content.Add((mcrPage!.Value, d.Elements.GetInteger("/MCID")));
                    break;
                case PdfSharp.Pdf.PdfDictionary d when d.Elements.GetName("/S") is { Length: > 0 } type:
                    var own = d.Elements["/Pg"] is PdfSharp.Pdf.Advanced.PdfReference pg ? pageIndex[pg.ObjectID] : page;
                    var element = new Element(type.TrimStart('/'), d.Elements.ContainsKey("/Lang") ? d.Elements.GetString("/Lang") : null,
                        d.Elements.ContainsKey("/Alt") ? d.Elements.GetString("/Alt") : null, []);
                    found.Add(element);
                    Walk(d.Elements["/K"], own, element);
                    break;
            }
        }
        Walk(document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!.Elements["/K"], null, null);
        return found;
    }
}
