using System.Xml.Linq;
using GptBook.Epub;
using GptBook.Model;
using GptBook.Tests.Html;
using static GptBook.Tests.Epub.EpubFile;
using static GptBook.Tests.Html.SampleBooks;

namespace GptBook.Tests.Epub;

/// <summary>
/// What real readers (calibre and Kindle, Apple Books, screen readers) need from the package, read back from
/// written EPUBs: the guide, markup without fixed sizes, and accessibility metadata equal to what the content
/// supports.
/// </summary>
public sealed class EpubReaderMarkupTests : IDisposable
{
    private readonly SampleEpub _epub = new();

    public void Dispose() => _epub.Dispose();

    private static string[] Meta(EpubFile file, string property) =>
        file.Metadata.Elements(Opf + "meta").Where(e => (string?)e.Attribute("property") == property).Select(e => e.Value).ToArray();

    [Fact]
    public void The_guide_names_the_cover_page_and_no_img_has_a_pixel_size()
    {
        var file = new EpubFile(_epub.Write(EveryBlock(), Catalog(_epub.Directory)));
        var guide = file.Package.Root!.Element(Opf + "guide")!;
        var cover = guide.Elements(Opf + "reference").Single(r => (string?)r.Attribute("type") == "cover");
        Assert.Equal(EpubLayout.CoverPage, cover.Attribute("href")!.Value);
        Assert.Equal(file.SpineHrefs[0], cover.Attribute("href")!.Value);
        var images = file.XhtmlHrefs.SelectMany(h => file.Document(h).Descendants(Xhtml + "img")).ToArray();
        Assert.NotEmpty(images);
        Assert.All(images, img => Assert.False(img.Attribute("width") != null || img.Attribute("height") != null, img.ToString()));
    }

    [Fact]
    public void A_book_whose_pictures_all_have_alt_text_claims_it_and_conformance()
    {
        var book = Book([H(1, "第一章", "c1"), new Figure(Img(PhotoPath, "一张照片"), [T("说明")], "fig-1", 1, SourceSpan.None)]);
        var file = new EpubFile(_epub.Write(book, Catalog(_epub.Directory)));
        Assert.Equal(["textual", "visual"], Meta(file, "schema:accessMode"));
        Assert.Equal(["textual", "textual,visual"], Meta(file, "schema:accessModeSufficient"));
        Assert.Contains("alternativeText", Meta(file, "schema:accessibilityFeature"));
        Assert.Contains("structuralNavigation", Meta(file, "schema:accessibilityFeature"));
        Assert.Equal(["none"], Meta(file, "schema:accessibilityHazard"));
        Assert.Equal([AccessibilityMetadata.ConformsTo], Meta(file, "dcterms:conformsTo"));
        Assert.Contains("都有替代文字", Meta(file, "schema:accessibilitySummary").Single());
    }

    [Fact]
    public void A_book_with_an_empty_alt_does_not_claim_alternative_text_or_conformance()
    {
        var book = Book([H(1, "第一章", "c1"), new Figure(Img(PhotoPath, ""), [T("说明")], "fig-1", 1, SourceSpan.None),
            new Figure(Img(PhotoPath, "有替代文字"), [T("说明")], "fig-2", 2, SourceSpan.None)]);
        var file = new EpubFile(_epub.Write(book, Catalog(_epub.Directory)));
        Assert.DoesNotContain("alternativeText", Meta(file, "schema:accessibilityFeature"));
        Assert.Equal(["textual,visual"], Meta(file, "schema:accessModeSufficient"));
        Assert.Empty(Meta(file, "dcterms:conformsTo"));
        Assert.Contains("2 幅图片有 1 幅没有替代文字", Meta(file, "schema:accessibilitySummary").Single());
    }

    [Fact]
    public void A_book_without_pictures_is_textual_only()
    {
        var book = Book([H(1, "第一章", "c1"), P(T("只有文字。"))]);
        var file = new EpubFile(_epub.Write(book));
        Assert.Equal(["textual"], Meta(file, "schema:accessMode"));
        Assert.Equal(["textual"], Meta(file, "schema:accessModeSufficient"));
        Assert.DoesNotContain("alternativeText", Meta(file, "schema:accessibilityFeature"));
        Assert.Contains("书中没有图片", Meta(file, "schema:accessibilitySummary").Single());
    }

    [Fact]
    public void A_book_without_a_date_has_no_dc_date()
    {
        var dated = Book([H(1, "第一章", "c1"), P(T("正文。"))]);
        Assert.Single(new EpubFile(_epub.Write(dated, name: "dated.epub")).Metadata.Elements(Dc + "date"));
        var undated = dated with { Metadata = dated.Metadata with { HasDate = false } };
        Assert.Empty(new EpubFile(_epub.Write(undated, name: "undated.epub")).Metadata.Elements(Dc + "date"));
    }

    [Fact]
    public void Every_epub_type_in_the_content_has_its_aria_role()
    {
        var file = new EpubFile(_epub.Write(EveryBlock(), Catalog(_epub.Directory)));
        var roles = new Dictionary<string, string>
        {
            ["chapter"] = "doc-chapter", ["footnote"] = "doc-footnote", ["noteref"] = "doc-noteref", ["toc"] = "doc-toc", ["pagebreak"] = "doc-pagebreak",
        };
        // Links in the landmarks nav name the landmark they lead to; they take no role (as Ace's rule says too).
        var typed = file.XhtmlHrefs.SelectMany(h => file.Document(h).Descendants())
            .Where(e => e.Attribute(Ops + "type") is { } t && roles.ContainsKey(t.Value))
            .Where(e => !e.Ancestors(Xhtml + "nav").Any(n => (string?)n.Attribute(Ops + "type") == "landmarks"))
            .ToArray();
        Assert.Contains(typed, e => e.Attribute(Ops + "type")!.Value == "chapter");
        Assert.All(typed, e => Assert.Equal(roles[e.Attribute(Ops + "type")!.Value], (string?)e.Attribute("role")));
    }
}
