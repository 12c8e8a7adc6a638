using System.Xml.Linq;
using GptBook.Diagnostics;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>The real article, built once (with its EPUB and a stand-in PDF) for all the article tests.</summary>
public sealed class ArticleSiteFixture : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gptbook-site-article-").FullName;

    public ArticleSiteFixture()
    {
        var pdf = Path.Combine(_work, "gpt1-to-gpt4.pdf");
        File.WriteAllBytes(pdf, new byte[812_345]);
        (Site, Diagnostics) = SiteFromMarkdown.Build(RepositoryPaths.BookYml, _work, [new GptBook.Site.SiteDownload("PDF", pdf)], withEpub: true);
    }

    public SitePages Site { get; }

    public DiagnosticBag Diagnostics { get; }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}

/// <summary>The real article (content/book.yml) and hostile Markdown through the real loader into the site.</summary>
public sealed class SiteArticleTests(ArticleSiteFixture article) : IClassFixture<ArticleSiteFixture>, IDisposable
{
    private static readonly XNamespace X = SitePages.X;
    private readonly string _work = Directory.CreateTempSubdirectory("gptbook-site-hostile-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_article_becomes_a_site_whose_links_and_images_all_resolve()
    {
        var (site, diagnostics) = (article.Site, article.Diagnostics);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code.StartsWith("GB05", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        Assert.True(site.Pages.Count >= 3, string.Join(", ", site.Pages.Keys));

        foreach (var (page, element, attribute, url) in site.References())
        {
            if (SitePages.IsExternal(url))
            {
                Assert.True(element.Name == X + "a", $"{page}: remote {attribute}={url}");
                continue;
            }
            var hash = url.IndexOf('#');
            var file = hash < 0 ? url : url[..hash];
            var target = file.Length == 0 ? page : file;
            Assert.True(File.Exists(Path.Combine(site.Directory, target)), $"{page}: {url}");
            if (hash >= 0)
                Assert.Contains(url[(hash + 1)..], SitePages.Ids(site.Pages[target]));
        }

        var figures = site.Pages.Values.SelectMany(p => p.Descendants(X + "figure")).ToArray();
        Assert.Equal(5, figures.Length);
        foreach (var figure in figures)
        {
            var img = figure.Descendants(X + "img").SingleOrDefault();
            Assert.NotNull(img);
            Assert.False(string.IsNullOrWhiteSpace((string?)img.Attribute("alt")));
            Assert.NotNull(img.Attribute("width"));
            Assert.NotNull(img.Attribute("height"));
            Assert.Matches(@"^图 \d", figure.Element(X + "figcaption")!.Value);
        }
    }

    [Fact]
    public void Each_figure_offers_four_widths_of_an_indexed_png_no_larger_webp_and_all_but_a_first_screen_one_load_lazily()
    {
        var site = article.Site;
        foreach (var (name, page) in site.Pages.Where(p => p.Value.Descendants(X + "figure").Any()))
        {
            var figures = page.Descendants(X + "figure").ToArray();
            foreach (var (figure, index) in figures.Select((f, i) => (f, i)))
            {
                var img = Assert.Single(figure.Descendants(X + "img"));
                Assert.Equal("(min-width: 652px) 612px, calc(100vw - 40px)", (string?)img.Attribute("sizes"));
                // The article's figures are 2400 px charts: 360, 720, 1080 and 1440 px. Each is a PNG with a
                // visually equal palette, which is smaller than a lossless WebP of the same pixels, so no WebP
                // copy is offered (a <picture> comes only with one).
                var png = Candidates((string)img.Attribute("srcset")!);
                Assert.Equal([360, 720, 1080, 1440], png.Select(c => c.Width));
                Assert.Equal(png[1].Href, (string?)img.Attribute("src"));
                Assert.Equal("720", (string?)img.Attribute("width"));
                foreach (var (href, width) in png)
                {
                    var bytes = File.ReadAllBytes(Path.Combine(site.Directory, href));
                    Assert.Equal(width, SixLabors.ImageSharp.Image.Identify(bytes).Width);
                    Assert.Equal(3, bytes[25]); // IHDR colour type 3: indexed
                }
                Assert.Null(figure.Element(X + "picture"));
                // The opening page's timeline comes after two short paragraphs, on a phone's first screen; every
                // other figure has a screenful of text or another figure before it.
                var firstScreen = name == "gpt1-to-gpt4.html" && index == 0;
                Assert.Equal(firstScreen ? null : "lazy", (string?)img.Attribute("loading"));
            }
        }
    }

    private static (string Href, int Width)[] Candidates(string srcset) =>
        srcset.Split(", ").Select(c => c.Split(' ')).Select(p => (p[0], int.Parse(p[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    [SkippableFact]
    public async Task A_phone_fetches_the_narrow_picture_and_a_wide_retina_screen_the_wide_one()
    {
        ExternalTool.Require("chromium");
        var site = article.Site;
        var page = site.Pages.First(p => p.Value.Descendants(X + "figure").Any()).Key;
        var offered = Candidates((string)site.Pages[page].Descendants(X + "figure").First().Descendants(X + "img").Single().Attribute("srcset")!);
        await using var browser = await HeadlessChromium.LaunchAsync();
        foreach (var (width, height, mobile, scale, expected) in new[] { (390, 844, true, 1.0, 360), (390, 844, true, 2.0, 720), (1280, 900, false, 2.0, 1440) })
        {
            await using var tab = await browser.OpenPageAsync(width, height, mobile, scale: scale);
            await tab.NavigateAsync(new Uri(Path.Combine(site.Directory, page)));
            // Lazy pictures load as they come near the screen.
            await tab.EvaluateAsync("document.querySelector('figure img').scrollIntoView()");
            Assert.True(await tab.WaitForAsync("(() => { const i = document.querySelector('figure img'); return i.complete && i.naturalWidth > 0; })()"));
            var chosen = (string)(await tab.EvaluateAsync("document.querySelector('figure img').currentSrc"))!;
            var candidate = offered.SingleOrDefault(c => chosen.EndsWith("/" + c.Href, StringComparison.Ordinal));
            Assert.True(expected == candidate.Width, $"{width} px at {scale}×: chose {chosen}, expected the {expected} px picture");
        }
    }

    [Fact]
    public void The_home_page_shows_the_epubs_cover_and_offers_the_epub()
    {
        var (site, diagnostics) = (article.Site, article.Diagnostics);
        var home = site.Pages["index.html"];
        var cover = home.Descendants(X + "div").Single(d => (string?)d.Attribute("class") == "cover").Element(X + "img");
        Assert.True(cover != null, string.Join("\n", diagnostics.Sorted()));
        Assert.Equal("封面：从 GPT1 到 GPT4", (string?)cover.Attribute("alt"));
        Assert.True(File.Exists(Path.Combine(site.Directory, (string)cover.Attribute("src")!)));
        var epub = home.Descendants(X + "a").Single(a => (string?)a.Attribute("href") == "gpt1-to-gpt4.epub" && (string?)a.Attribute("class") == "download");
        Assert.Matches(@"^下载 EPUB· \d+(\.\d)? (kB|MB)$", epub.Value);
        Assert.True(File.Exists(Path.Combine(site.Directory, "gpt1-to-gpt4.epub")));
    }

    [Fact]
    public void Hostile_markdown_produces_no_script_handler_or_javascript_url_in_the_site()
    {
        var book = Path.Combine(_work, "book", "hostile.md");
        Directory.CreateDirectory(Path.GetDirectoryName(book)!);
        File.WriteAllText(book, """
            # 危险的书

            正文<script>alert(1)</script>继续。

            <img src="x" onerror="alert(2)">

            [点我](javascript:alert(3)) [再点](JAVASCRIPT:alert(4)) [编码](jav&#x61;script:alert(5)) <a href="javascript:alert(6)" onclick="alert(7)">原始链接</a>

            <div onmouseover="alert(8)" style="background:url(https://evil.example/x.png)">块</div>

            <iframe src="https://evil.example/"></iframe><object data="x.swf"></object>

            ![图](https://evil.example/tracker.png)

            <svg onload="alert(9)"><script>alert(10)</script></svg>

            <p><a href="data:text/html,<script>alert(11)</script>">data</a></p>
            """);
        var (site, _) = SiteFromMarkdown.Build(book, _work);

        foreach (var (name, page) in site.Pages)
        {
            Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "iframe" or "object" or "embed" or "svg" or "style");
            site.AssertOnlyOwnScripts(name);
            foreach (var attribute in page.Descendants().Attributes())
            {
                Assert.False(attribute.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{name}: {attribute}");
                Assert.NotEqual("style", attribute.Name.LocalName);
                var value = attribute.Value.Replace(" ", "").ToLowerInvariant();
                Assert.False(value.StartsWith("javascript:") || value.StartsWith("data:") || value.StartsWith("vbscript:"), $"{name}: {attribute}");
                if (attribute.Name.LocalName is "src" or "srcset")
                    Assert.DoesNotContain("evil.example", attribute.Value);
            }
        }
    }

    [SkippableFact]
    public async Task The_article_site_renders_in_chromium_without_errors_or_overflow_down_to_360_px()
    {
        ExternalTool.Require("chromium");
        var site = article.Site;
        await using var browser = await HeadlessChromium.LaunchAsync();
        var content = site.Pages.Keys.Where(k => k != "index.html").ToArray();
        foreach (var page in new[] { "index.html", content[^1] })
            foreach (var (width, height, mobile, dark) in new[] { (1280, 900, false, false), (1280, 900, false, true), (390, 844, true, false), (390, 844, true, true), (360, 740, true, false) })
                await SiteBrowserTests.CheckPageAsync(browser, new Uri(Path.Combine(site.Directory, page)),
                    "article-" + Path.GetFileNameWithoutExtension(page), width, height, mobile, dark);
    }
}
