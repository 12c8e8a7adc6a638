using GptBook.Site;
using GptBook.Tests.Site;

namespace GptBook.Tests.Books;

public partial class RealWorldBookTests
{
    /// <summary>
    /// The site of a build of all three formats offers the PDF and the EPUB that build wrote (its pages are made
    /// while the PDF is still being drawn, and the downloads put in once it is written): every page's footer and the
    /// home page's buttons show each file with its real size, and the site's copies are the same bytes.
    /// </summary>
    [Fact]
    public void Every_site_page_offers_the_pdf_and_the_epub_of_the_same_build_with_their_sizes()
    {
        var site = new SitePages(book.Book.SiteDirectory);
        var files = new[] { book.Book.PdfPath, book.Book.EpubPath };
        foreach (var file in files)
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(site.Directory, Path.GetFileName(file))));
        var offered = files.Select(f => (Name: Path.GetFileName(f), Size: ByteSizeText.Format(new FileInfo(f).Length))).ToArray();

        Assert.True(site.Pages.Count > 5, $"only {site.Pages.Count} pages");
        foreach (var (name, page) in site.Pages)
        {
            var footer = page.Descendants(SitePages.X + "ul").Single(u => (string?)u.Attribute("class") == "footer-downloads");
            Assert.Equal(offered.Select(o => o.Name), footer.Descendants(SitePages.X + "a").Select(a => ((string)a.Attribute("href")!).Split('/')[^1]));
            Assert.Equal(offered.Select(o => " · " + o.Size), footer.Descendants(SitePages.X + "span").Select(s => s.Value));
            Assert.True(name == SiteWriter.IndexFile || !page.Descendants(SitePages.X + "ul").Any(u => (string?)u.Attribute("class") == "downloads"), name);
        }
        var buttons = site.Pages[SiteWriter.IndexFile].Descendants(SitePages.X + "a").Where(a => (string?)a.Attribute("class") == "download").ToArray();
        Assert.Equal(offered.Select(o => o.Name), buttons.Select(a => (string)a.Attribute("href")!));
        Assert.Equal(offered.Select(o => "· " + o.Size), buttons.Select(a => a.Elements().Last().Value));
    }
}
