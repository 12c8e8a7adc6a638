using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Pdf;
using GptBook.Tests.Support;
using UglyToad.PdfPig;
using static GptBook.Tests.Epub.EpubFile;

namespace GptBook.Tests.Epub;

/// <summary>
/// The article laid out for print and written as an EPUB with the layout's page map, as the publisher does; the
/// EPUB's page list read back and compared with the PDF's pages.
/// </summary>
public sealed class PrintPageListTests(PrintPageListTests.Build build) : IClassFixture<PrintPageListTests.Build>
{
    public sealed class Build : IDisposable
    {
        private readonly SampleEpub _epub = new();

        public Build()
        {
            var diagnostics = new DiagnosticBag();
            var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics)!;
            Book = BookLoader.Load(options, diagnostics);
            var images = ImageStage.Run(Book, options, Path.Combine(_epub.Directory, "cache"),
                new HashSet<ImageProfile> { ImageProfile.Print, ImageProfile.Epub }, diagnostics);
            PdfPath = Path.Combine(_epub.Directory, "article.pdf");
            BookLayout? seen = null;
            Layout = PdfBookWriter.Write(Book, options, images, FontSet.Load(SampleEpub.Fonts), PdfPath, diagnostics, l => seen = l);
            Assert.Same(Layout, seen);
            var path = Path.Combine(_epub.Directory, "article.epub");
            Assert.True(EpubWriter.Write(Book, options, images, path, diagnostics, SampleEpub.Fonts, pageMap: Layout.PageMap()));
            EpubPath = path;
            File = new EpubFile(path);
            WithoutPdf = new EpubFile(_epub.Write(Book, images, options.Epub, "without-pdf.epub"));
        }

        public Book Book { get; }
        public BookLayout Layout { get; }
        public string PdfPath { get; }
        public string EpubPath { get; }
        public EpubFile File { get; }
        public EpubFile WithoutPdf { get; }

        public void Dispose() => _epub.Dispose();
    }

    private static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";

    /// <summary>Every element of the spine's content documents in reading order, with the document's href.</summary>
    private static IEnumerable<(string Href, XElement Element)> Reading(EpubFile file) =>
        file.SpineHrefs.SelectMany(h => file.Document(h).Descendants().Select(e => (h, e)));

    [Fact]
    public void Every_heading_follows_the_marker_of_the_printed_page_it_is_on()
    {
        var current = (string?)null;
        var checkedHeadings = 0;
        foreach (var (_, e) in Reading(build.File))
        {
            if ((string?)e.Attribute(Ops + "type") == "pagebreak") current = e.Attribute("aria-label")!.Value;
            if (e.Name.LocalName is not ("h1" or "h2" or "h3" or "h4") || e.Attribute("id") is not { } id) continue;
            // A page that begins with the heading is marked inside it, before its text.
            if (e.Descendants().FirstOrDefault(d => (string?)d.Attribute(Ops + "type") == "pagebreak") is { } inside) current = inside.Attribute("aria-label")!.Value;
            var anchor = build.Layout.Anchors[id.Value];
            var folio = build.Layout.Pages[anchor.PageIndex].Label;
            Assert.Equal(folio, current);
            checkedHeadings++;
        }
        Assert.Equal(build.Book.Headings().Count(), checkedHeadings);
    }

    [Fact]
    public void The_page_list_names_the_pdfs_folios_and_every_entry_points_at_its_marker()
    {
        var pageList = build.File.Nav.Descendants(Xhtml + "nav").Single(n => (string?)n.Attribute(Ops + "type") == "page-list");
        Assert.Equal("doc-pagelist", pageList.Attribute("role")!.Value);
        var entries = pageList.Descendants(Xhtml + "a").Select(a => (Label: a.Value, Href: a.Attribute("href")!.Value)).ToArray();
        // Every body page of the PDF with content on it, in order, by its printed folio.
        var bodyPages = build.Layout.Pages.Where(p => p.Kind == PageKind.Body && p.Fragments.OfType<TextFragment>().Any(t => t.Structure != null)).Select(p => p.Label);
        Assert.Equal(bodyPages, entries.Select(e => e.Label));
        foreach (var (label, href) in entries)
        {
            var parts = href.Split('#');
            var marker = build.File.Document(parts[0]).Descendants().Single(e => (string?)e.Attribute("id") == parts[1]);
            Assert.Equal("pagebreak", marker.Attribute(Ops + "type")!.Value);
            Assert.Equal("doc-pagebreak", marker.Attribute("role")!.Value);
            Assert.Equal(label, marker.Attribute("aria-label")!.Value);
        }
    }

    [Fact]
    public void Each_marker_is_followed_by_the_text_its_printed_page_begins_with()
    {
        using var pdf = PdfDocument.Open(build.PdfPath);
        var markers = 0;
        foreach (var href in build.File.SpineHrefs)
        {
            var nodes = build.File.Document(href).DescendantNodes().ToList();
            foreach (var marker in nodes.OfType<XElement>().Where(e => (string?)e.Attribute(Ops + "type") == "pagebreak"))
            {
                // The first characters after the marker (a caption's, when the page begins with a figure).
                var after = NoSpace(string.Concat(nodes.Skip(nodes.IndexOf(marker) + 1).OfType<XText>().Select(t => t.Value)));
                var lead = after[..Math.Min(8, after.Length)];
                var page = build.Layout.Pages.Single(p => p.Kind == PageKind.Body && p.Label == marker.Attribute("aria-label")!.Value);
                var text = NoSpace(pdf.GetPage(page.Index + 1).Text);
                Assert.True(text.Contains(lead, StringComparison.Ordinal), $"page {page.Label} does not hold '{lead}'");
                markers++;
            }
        }
        Assert.Equal(build.Layout.PageMap().Pages.Count, markers);
    }

    private static string NoSpace(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Fact]
    public void The_package_names_the_print_edition_as_the_source_of_its_pages()
    {
        var m = build.File.Metadata;
        var source = m.Elements(Dc + "source").Single();
        Assert.Equal(BookIdentifier.PrintUrn(build.Book.Metadata.Id), source.Value);
        Assert.Contains(m.Elements(Opf + "meta"), e => (string?)e.Attribute("refines") == "#" + source.Attribute("id")!.Value && e.Value == "pagination");
        Assert.Contains(m.Elements(Opf + "meta"), e => (string?)e.Attribute("property") == "schema:accessibilityFeature" && e.Value == "pageNavigation");
    }

    [Fact]
    public void Without_a_pdf_the_epub_has_no_page_list_and_claims_no_page_navigation()
    {
        var file = build.WithoutPdf;
        Assert.DoesNotContain(file.Nav.Descendants(Xhtml + "nav"), n => (string?)n.Attribute(Ops + "type") == "page-list");
        Assert.DoesNotContain(file.SpineHrefs.SelectMany(h => file.Document(h).Descendants()), e => (string?)e.Attribute(Ops + "type") == "pagebreak");
        Assert.DoesNotContain(file.Metadata.Elements(Opf + "meta"), e => e.Value == "pageNavigation");
        Assert.Empty(file.Metadata.Elements(Dc + "source"));
    }

    [SkippableFact]
    public void Epubcheck_passes_the_epub_with_its_page_list()
    {
        Epubcheck.AssertValid(build.EpubPath);
    }
}
