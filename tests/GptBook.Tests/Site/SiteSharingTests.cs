using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Site;

namespace GptBook.Tests.Site;

/// <summary>The sample book built twice, without and with a base URL, once for all the sharing tests.</summary>
public sealed class SharingSitesFixture : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gptbook-site-sharing-").FullName;

    public SharingSitesFixture()
    {
        var sample = new SiteSampleBook(Path.Combine(_work, "cache"), hostile: false);
        var pdf = Path.Combine(_work, "book.pdf");
        File.WriteAllBytes(pdf, new byte[1_234_567]);
        var cover = SiteSampleBook.CoverPng();
        SitePages Build(string? baseUrl, string name)
        {
            var options = sample.Options with { Site = new SiteOptions(BaseUrl: baseUrl) };
            var output = Path.Combine(_work, name);
            var diagnostics = new DiagnosticBag();
            Assert.True(SiteWriter.Write(sample.Book, options, sample.Images, [new SiteDownload("PDF", pdf)], output, diagnostics, cover),
                string.Join("\n", diagnostics.Sorted()));
            Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
            return new SitePages(output);
        }
        Relative = Build(null, "relative");
        Published = Build("https://example.org/books/sample/", "published");
    }

    /// <summary>Built without a base URL.</summary>
    public SitePages Relative { get; }

    /// <summary>Built with the base URL https://example.org/books/sample/.</summary>
    public SitePages Published { get; }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}

/// <summary>What search engines and link previews read: descriptions, OpenGraph and Twitter tags, canonical links,
/// sitemap.xml (only with a base URL) and robots.txt, the 404 page; and the downloads every page offers.</summary>
public sealed class SiteSharingTests(SharingSitesFixture sites) : IClassFixture<SharingSitesFixture>
{
    private static readonly XNamespace X = SitePages.X;

    private static string? Meta(XDocument page, string kind, string name) =>
        (string?)page.Descendants(X + "meta").SingleOrDefault(m => (string?)m.Attribute(kind) == name)?.Attribute("content");

    [Fact]
    public void Every_page_has_a_description_from_its_first_paragraph_and_opengraph_and_twitter_tags()
    {
        var site = sites.Relative;
        var history = site.Pages["history.html"];
        var description = Meta(history, "name", "description")!;
        Assert.StartsWith("GPT-1 于 2018 年由 OpenAI 推出。", description);
        Assert.True(description.Length <= SitePageDescription.MaxLength, description);
        Assert.Equal(description, Meta(history, "property", "og:description"));
        Assert.Equal("article", Meta(history, "property", "og:type"));
        Assert.Equal("发展历程 · 示例书", Meta(history, "property", "og:title"));
        Assert.Equal("zh_CN", Meta(history, "property", "og:locale"));
        Assert.Equal("summary", Meta(history, "name", "twitter:card"));
        Assert.Equal("一本用来测试静态网站的书：分块、插图、注释、表格和代码。", Meta(site.Pages["index.html"], "name", "description"));
        Assert.Equal("book", Meta(site.Pages["index.html"], "property", "og:type"));
        foreach (var (name, page) in site.Pages)
            Assert.False(string.IsNullOrWhiteSpace(Meta(page, "name", "description")), name);
        // Without the published address nothing absolute can be said: no canonical link, URL or picture.
        Assert.DoesNotContain(site.Pages.Values.SelectMany(p => p.Descendants(X + "link")), l => (string?)l.Attribute("rel") == "canonical");
        Assert.Null(Meta(history, "property", "og:image"));
        Assert.False(File.Exists(Path.Combine(site.Directory, "sitemap.xml")));
        // robots.txt still lets crawlers in (a host would otherwise answer with its missing-page page).
        Assert.Equal("User-agent: *\nAllow: /\n", File.ReadAllText(Path.Combine(site.Directory, "robots.txt")));
    }

    [Fact]
    public void A_base_url_gives_canonical_links_absolute_sharing_urls_with_the_cover_a_sitemap_and_robots_txt()
    {
        var site = sites.Published;
        var history = site.Pages["history.html"];
        var canonical = (string?)history.Descendants(X + "link").Single(l => (string?)l.Attribute("rel") == "canonical").Attribute("href");
        Assert.Equal("https://example.org/books/sample/history.html", canonical);
        Assert.Equal(canonical, Meta(history, "property", "og:url"));
        Assert.Equal("https://example.org/books/sample/", Meta(site.Pages["index.html"], "property", "og:url"));
        var image = Meta(history, "property", "og:image")!;
        Assert.Matches(@"^https://example\.org/books/sample/images/cover-[0-9a-f]{16}\.jpg$", image);
        Assert.True(File.Exists(Path.Combine(site.Directory, image["https://example.org/books/sample/".Length..])));
        Assert.Equal(image, Meta(history, "name", "twitter:image"));

        var sitemap = XDocument.Load(Path.Combine(site.Directory, "sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToArray();
        Assert.Equal(["https://example.org/books/sample/", "https://example.org/books/sample/sample.html",
            "https://example.org/books/sample/history.html", "https://example.org/books/sample/summary.html"], locations);
        Assert.All(sitemap.Root.Elements(sm + "url"), u => Assert.Equal("2026-11-30", u.Element(sm + "lastmod")!.Value));
        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://example.org/books/sample/sitemap.xml\n", File.ReadAllText(Path.Combine(site.Directory, "robots.txt")));
    }

    [Fact]
    public void The_404_page_is_in_the_books_language_is_not_indexed_and_links_from_the_published_root()
    {
        var relative = sites.Relative.Pages["404.html"];
        Assert.Equal("zh-CN", (string?)relative.Root!.Attribute("lang"));
        Assert.Equal("找不到这一页", relative.Descendants(X + "h1").Single().Value);
        Assert.Equal("noindex", Meta(relative, "name", "robots"));
        Assert.Contains(relative.Descendants(X + "a"), a => (string?)a.Attribute("href") == "history.html");

        // A host serves 404.html for a missing address at any depth: with the base URL its links start from the root.
        var rooted = sites.Published.Pages["404.html"];
        var hrefs = rooted.Descendants().Select(e => (string?)e.Attribute("href")).OfType<string>().Where(h => !h.StartsWith('#')).ToArray();
        Assert.Contains("/books/sample/site.css", hrefs);
        Assert.Contains("/books/sample/history.html", hrefs);
        Assert.All(hrefs, h => Assert.StartsWith("/books/sample/", h));
        Assert.Null(Meta(rooted, "property", "og:url"));
    }

    [Fact]
    public void Every_page_offers_the_downloads_with_their_sizes_in_its_footer()
    {
        var site = sites.Relative;
        foreach (var (name, page) in site.Pages)
        {
            var footer = page.Descendants(X + "footer").Single();
            var link = footer.Descendants(X + "a").Single();
            Assert.Equal("book.pdf", (string?)link.Attribute("href"));
            Assert.Equal("下载 PDF · 1.2 MB", link.Value);
        }
    }

    [Theory]
    [InlineData("很短的一句话。", "很短的一句话。")]
    public void A_short_paragraph_is_the_description_as_it_is(string text, string expected) =>
        Assert.Equal(expected, SitePageDescription.Shorten(text));

    [Fact]
    public void A_long_paragraph_is_cut_at_a_sentence_end_or_else_with_an_ellipsis()
    {
        var sentences = string.Concat(Enumerable.Repeat("这是一个用来测试摘要长度的句子，它有二十多个字。", 10));
        var cut = SitePageDescription.Shorten(sentences);
        Assert.EndsWith("。", cut);
        Assert.True(cut.Length is > 40 and <= SitePageDescription.MaxLength, cut);
        var run = new string('字', 300);
        Assert.Equal(new string('字', SitePageDescription.MaxLength - 1) + "…", SitePageDescription.Shorten(run));
    }
}
