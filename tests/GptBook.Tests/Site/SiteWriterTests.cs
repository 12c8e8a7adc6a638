using System.Xml.Linq;
using GptBook.Diagnostics;
using GptBook.Site;
using GptBook.Site.WebFonts;

namespace GptBook.Tests.Site;

public sealed class SiteWriterTests : IDisposable
{
    private static readonly XNamespace X = SitePages.X;
    private readonly string _work = Directory.CreateTempSubdirectory("gptbook-site-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private (SitePages Site, DiagnosticBag Diagnostics) Build(bool hostile = true, IReadOnlyList<SiteDownload>? downloads = null, string? output = null)
    {
        var sample = new SiteSampleBook(Path.Combine(_work, "cache"), hostile);
        var diagnostics = new DiagnosticBag();
        output ??= Path.Combine(_work, "site");
        Assert.True(SiteWriter.Write(sample.Book, sample.Options, sample.Images, downloads ?? [], output, diagnostics, SiteSampleBook.CoverPng()),
            string.Join("\n", diagnostics.Sorted()));
        return (new SitePages(output), diagnostics);
    }

    [Fact]
    public void Writes_a_home_page_and_one_page_per_chunk()
    {
        var (site, _) = Build();
        // Pages are named after their chapter and heading, never their position; the names earlier versions gave
        // the same pages (ch001-…) lead to them.
        Assert.Equal(["404.html", "ch001-sample-book.html", "ch002-history.html", "ch003-summary.html", "history.html", "index.html",
            "sample.html", "search.html", "summary.html"], site.Pages.Keys);
        Assert.True(File.Exists(Path.Combine(site.Directory, "site.css")));
        Assert.True(File.Exists(Path.Combine(site.Directory, "favicon.svg")));
    }

    [Fact]
    public void Every_local_link_and_resource_resolves_including_fragments()
    {
        var (site, _) = Build();
        var checkedLocal = 0;
        foreach (var (page, element, attribute, url) in site.References())
        {
            if (SitePages.IsExternal(url))
            {
                Assert.True(element.Name == X + "a" && attribute == "href", $"{page}: external {url} on <{element.Name.LocalName} {attribute}>");
                continue;
            }
            var hash = url.IndexOf('#');
            var file = hash < 0 ? url : url[..hash];
            var fragment = hash < 0 ? null : url[(hash + 1)..];
            var targetPage = file.Length == 0 ? page : file;
            Assert.True(File.Exists(Path.Combine(site.Directory, targetPage)), $"{page}: {url} does not exist");
            if (fragment != null)
                Assert.True(site.Pages.TryGetValue(targetPage, out var target) && SitePages.Ids(target).Contains(fragment),
                    $"{page}: {url} names no element");
            checkedLocal++;
        }
        Assert.True(checkedLocal > 30, $"only {checkedLocal} local references checked");
    }

    [Fact]
    public void Ids_are_unique_on_every_page()
    {
        var (site, _) = Build();
        foreach (var (name, page) in site.Pages)
        {
            var duplicates = SitePages.Ids(page).GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            Assert.True(duplicates.Length == 0, $"{name}: duplicate ids {string.Join(", ", duplicates)}");
        }
    }

    [Fact]
    public void No_page_loads_anything_from_elsewhere()
    {
        var (site, _) = Build();
        foreach (var (page, element, attribute, url) in site.References())
            if (element.Name != X + "a")
                Assert.False(SitePages.IsExternal(url) || url.Contains(':'), $"{page}: <{element.Name.LocalName} {attribute}=\"{url}\">");
        var css = File.ReadAllText(Path.Combine(site.Directory, "site.css"));
        Assert.DoesNotContain("url(", css);
        Assert.DoesNotContain("@import", css);
        Assert.DoesNotContain("@font-face", css);
    }

    [Fact]
    public void Hostile_content_leaves_no_script_handler_or_javascript_url()
    {
        var (site, _) = Build(hostile: true);
        foreach (var (name, page) in site.Pages)
        {
            Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "iframe" or "object" or "embed" or "style");
            site.AssertOnlyOwnScripts(name);
            foreach (var attribute in page.Descendants().Attributes())
            {
                Assert.False(attribute.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{name}: {attribute}");
                Assert.DoesNotContain("javascript:", attribute.Value.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
                Assert.NotEqual("style", attribute.Name.LocalName);
            }
        }
        // The hostile paragraph's visible text survives as text.
        var summary = site.Pages["summary.html"].Root!.Value;
        Assert.Contains("危险链接", summary);
        Assert.Contains("大小写混合", summary);
    }

    [Fact]
    public void Every_page_declares_a_strict_content_security_policy_and_the_language()
    {
        var (site, _) = Build();
        foreach (var (name, page) in site.Pages)
        {
            Assert.Equal("zh-CN", (string?)page.Root!.Attribute("lang"));
            var csp = page.Descendants(X + "meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy");
            var policy = (string)csp.Attribute("content")!;
            Assert.Contains("default-src 'none'", policy);
            // The site's own script file may run, and inline only the font preload, by its hash; nothing from elsewhere.
            Assert.Contains($"script-src 'self' {WebFontPreload.ScriptSource};", policy);
            Assert.DoesNotContain("unsafe", policy);
            Assert.Single(page.Descendants(X + "main"));
            Assert.Single(page.Descendants(X + "header"));
            Assert.Single(page.Descendants(X + "footer"));
            var kind = (string)page.Root!.Element(X + "body")!.Attribute("class")!;
            if (!kind.Contains("page-moved") && !kind.Contains("page-search")) Assert.NotEmpty(page.Descendants(X + "nav"));
            var skip = page.Descendants(X + "a").First();
            Assert.Equal("#main", (string?)skip.Attribute("href"));
            Assert.All(page.Descendants(X + "img"), img => Assert.NotNull(img.Attribute("alt")));
        }
    }

    [Fact]
    public void Figures_have_srcset_by_width_with_sizes_and_pixel_sizes()
    {
        var (site, _) = Build();
        var img = site.Pages["history.html"].Descendants(X + "figure").Single().Element(X + "img")!;
        Assert.Equal("640", (string?)img.Attribute("width"));
        Assert.Equal("360", (string?)img.Attribute("height"));
        var srcset = (string)img.Attribute("srcset")!;
        Assert.Matches(@"^images/[0-9a-f]{16}\.png 640w, images/[0-9a-f]{16}\.png 1280w$", srcset);
        // 640 CSS px shows whole in the 612 px column only below it: the slot is the column, or the screen less padding.
        Assert.Equal("(min-width: 652px) 612px, calc(100vw - 40px)", (string?)img.Attribute("sizes"));
        // No WebP copy was prepared for this picture, so it stays a plain <img>.
        Assert.Null(img.Parent!.Name == X + "picture" ? img.Parent : null);
        Assert.Equal("柱状图：三个模型的参数量", (string?)img.Attribute("alt"));
        var caption = site.Pages["history.html"].Descendants(X + "figcaption").Single().Value;
        Assert.StartsWith("图 1", caption);
    }

    [Fact]
    public void Every_chunk_page_has_one_first_level_heading_a_sections_page_its_chapters_title_linking_back()
    {
        var (site, _) = Build();
        foreach (var name in new[] { "sample.html", "history.html", "summary.html" })
            Assert.Single(site.Pages[name].Descendants(X + "main").Descendants(X + "h1"));
        var chapter = site.Pages["history.html"].Descendants(X + "article").Single().Elements().First();
        Assert.Equal("h1", chapter.Name.LocalName);
        Assert.Equal("chunk-chapter", (string?)chapter.Attribute("class"));
        Assert.Equal("示例书：从 GPT-1 到 GPT-4", chapter.Value);
        Assert.Equal("sample.html", (string?)chapter.Element(X + "a")!.Attribute("href"));
        // The chapter's own page keeps its own heading and gets no second one.
        Assert.Null(site.Pages["sample.html"].Descendants(X + "h1").SingleOrDefault(h => h.Attribute("class") != null));
    }

    [Fact]
    public void The_current_page_is_marked_in_the_contents_exactly_once()
    {
        var (site, _) = Build();
        foreach (var (name, page) in site.Pages)
        {
            var current = page.Descendants(X + "a").Where(a => (string?)a.Attribute("aria-current") == "page").ToArray();
            if ((string?)page.Root!.Element(X + "body")!.Attribute("class") != "page-chunk") Assert.Empty(current);
            else Assert.Equal(name, (string?)Assert.Single(current).Attribute("href"));
        }
    }

    [Fact]
    public void Pages_link_to_their_previous_and_next_page()
    {
        var (site, _) = Build();
        string? Rel(string page, string rel) => (string?)site.Pages[page].Descendants(X + "link")
            .SingleOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href");
        Assert.Equal("index.html", Rel("sample.html", "prev"));
        Assert.Equal("history.html", Rel("sample.html", "next"));
        Assert.Equal("history.html", Rel("summary.html", "prev"));
        Assert.Null(Rel("summary.html", "next"));
        var pager = site.Pages["history.html"].Descendants(X + "nav").Single(n => (string?)n.Attribute("class") == "pager");
        Assert.Equal(["sample.html", "summary.html"],
            pager.Elements(X + "a").Select(a => (string)a.Attribute("href")!));
    }

    [Fact]
    public void Headings_get_a_visible_anchor_link_to_themselves_beside_them_not_inside()
    {
        var (site, _) = Build();
        foreach (var heading in site.Pages["history.html"].Descendants().Where(e => e.Name.LocalName is "h2" or "h3" && ((string?)e.Parent!.Attribute("class"))?.StartsWith("heading ") == true))
        {
            Assert.Empty(heading.Descendants(X + "a"));
            var anchor = heading.ElementsAfterSelf(X + "a").Single(a => (string?)a.Attribute("class") == "heading-anchor");
            Assert.Equal("#" + (string)heading.Attribute("id")!, (string?)anchor.Attribute("href"));
            Assert.Equal("#", anchor.Value);
            Assert.Equal("本节链接：" + heading.Value, (string?)anchor.Attribute("aria-label"));
        }
    }

    [Fact]
    public void Tables_and_code_scroll_in_their_own_focusable_box_and_alignment_survives_without_style_attributes()
    {
        var (site, _) = Build();
        var page = site.Pages["history.html"];
        var table = page.Descendants(X + "table").Single();
        Assert.Equal("0", (string?)table.Parent!.Attribute("tabindex"));
        Assert.Contains("table-scroll", (string?)table.Parent.Attribute("class"));
        Assert.Contains(table.Descendants(X + "td"), td => ((string?)td.Attribute("class"))?.Contains("align-right") == true);
        Assert.Equal("0", (string?)page.Descendants(X + "pre").Single().Attribute("tabindex"));
    }

    [Fact]
    public void Downloads_are_copied_and_offered_with_their_size_and_missing_ones_are_not_offered()
    {
        var pdf = Path.Combine(_work, "book.pdf");
        File.WriteAllBytes(pdf, new byte[1_234_567]);
        var (site, diagnostics) = Build(downloads: [new SiteDownload("PDF", pdf), new SiteDownload("EPUB", Path.Combine(_work, "book.epub"))]);

        var links = site.Pages["index.html"].Descendants(X + "a").Where(a => ((string?)a.Attribute("class"))?.Contains("download") == true).ToArray();
        var link = Assert.Single(links);
        Assert.Equal("book.pdf", (string?)link.Attribute("href"));
        Assert.Contains("PDF", link.Value);
        Assert.Contains("1.2 MB", link.Value);
        Assert.Equal(File.ReadAllBytes(pdf), File.ReadAllBytes(Path.Combine(site.Directory, "book.pdf")));
        Assert.False(File.Exists(Path.Combine(site.Directory, "book.epub")));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.SiteDownloadMissing.Id);
    }

    [Fact]
    public void A_cover_picture_is_scaled_for_the_home_page_with_a_2x_variant_and_an_unreadable_one_falls_back_to_the_title_card()
    {
        var sample = new SiteSampleBook(Path.Combine(_work, "cache"));
        var output = Path.Combine(_work, "site");
        var diagnostics = new DiagnosticBag();
        Assert.True(SiteWriter.Write(sample.Book, sample.Options, sample.Images, [], output, diagnostics, SiteSampleBook.CoverPng()));
        var img = new SitePages(output).Pages["index.html"].Descendants(X + "div")
            .Single(d => (string?)d.Attribute("class") == "cover").Element(X + "img")!;
        Assert.Equal(("240", "360"), ((string?)img.Attribute("width"), (string?)img.Attribute("height")));
        Assert.Equal("封面：示例书", (string?)img.Attribute("alt"));
        var files = ((string)img.Attribute("srcset")!).Split(", ").Select(c => c.Split(' ')[0]).ToArray();
        Assert.Equal(2, files.Length);
        using (var twoX = SixLabors.ImageSharp.Image.Load(Path.Combine(output, files[1])))
            Assert.Equal(480, twoX.Width);

        var broken = new DiagnosticBag();
        Assert.True(SiteWriter.Write(sample.Book, sample.Options, sample.Images, [], output, broken, [1, 2, 3]));
        Assert.Contains(broken.Items, d => d.Code == DiagnosticCodes.SiteCoverUnreadable.Id);
        Assert.Contains(new SitePages(output).Pages["index.html"].Descendants(X + "div"), d => (string?)d.Attribute("class") == "cover-card");
    }

    [Fact]
    public void The_same_input_gives_byte_identical_sites()
    {
        var first = Build(output: Path.Combine(_work, "a")).Site;
        var second = Build(output: Path.Combine(_work, "b")).Site;
        var files = Directory.GetFiles(first.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(first.Directory, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(second.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(second.Directory, f)).Order(StringComparer.Ordinal));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first.Directory, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(second.Directory, file))), file);
    }

    /// <summary>
    /// A site written while the file it offers is still being built (the PDF, in a full build) makes its pages first
    /// and puts the downloads in when the file is there: the same bytes, every file, as a site written with the file
    /// built before it began.
    /// </summary>
    [Fact]
    public async Task A_site_written_while_its_download_is_being_built_is_byte_identical_to_one_written_after()
    {
        var pdf = Path.Combine(_work, "book.pdf");
        File.WriteAllBytes(pdf, new byte[1_234_567]);
        var after = Build(downloads: [new SiteDownload("PDF", pdf)], output: Path.Combine(_work, "after")).Site;
        File.Delete(pdf);

        var sample = new SiteSampleBook(Path.Combine(_work, "cache"));
        var building = new TaskCompletionSource<IReadOnlyList<SiteDownload>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Task.Run(async () =>
        {
            await Task.Delay(50);
            File.WriteAllBytes(pdf, new byte[1_234_567]);
            building.SetResult([new SiteDownload("PDF", pdf)]);
        });
        var diagnostics = new DiagnosticBag();
        var during = Path.Combine(_work, "during");
        Assert.True(SiteWriter.Write(sample.Book, sample.Options, sample.Images, building.Task, during, diagnostics, SiteSampleBook.CoverPng()),
            string.Join("\n", diagnostics.Sorted()));
        await builder;

        Assert.Contains("1.2 MB", string.Concat(new SitePages(during).Pages.Values.Select(p => p.Root!.Value)));
        var files = Directory.GetFiles(after.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(after.Directory, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(during, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(during, f)).Order(StringComparer.Ordinal));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(after.Directory, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(during, file))), file);
    }

    /// <summary>When the files it offers fail to be built, the site is abandoned: its exception reaches the caller,
    /// the previous site stays as it was, and no temporary folder is left.</summary>
    [Fact]
    public void A_site_whose_downloads_fail_is_abandoned_and_the_previous_site_kept()
    {
        var output = Path.Combine(_work, "site");
        Build(output: output);
        var before = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        var sample = new SiteSampleBook(Path.Combine(_work, "cache"));

        var failed = Task.FromException<IReadOnlyList<SiteDownload>>(new InvalidOperationException("the PDF failed"));
        var thrown = Assert.Throws<InvalidOperationException>(() =>
            SiteWriter.Write(sample.Book, sample.Options, sample.Images, failed, output, new DiagnosticBag(), SiteSampleBook.CoverPng()));

        Assert.Equal("the PDF failed", thrown.Message);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(["cache", "site"], Directory.GetDirectories(_work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rebuild_replaces_the_whole_folder_and_leaves_no_temporary_folders()
    {
        var output = Path.Combine(_work, "site");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "stale.html"), "old");
        Build(output: output);
        Assert.False(File.Exists(Path.Combine(output, "stale.html")));
        Assert.Equal(["cache", "site"], Directory.GetDirectories(_work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unwritable_target_is_an_error_and_not_a_crash()
    {
        var blocker = Path.Combine(_work, "file");
        File.WriteAllText(blocker, "not a folder");
        var sample = new SiteSampleBook(Path.Combine(_work, "cache"));
        var diagnostics = new DiagnosticBag();
        Assert.False(SiteWriter.Write(sample.Book, sample.Options, sample.Images, [], Path.Combine(blocker, "site"), diagnostics));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.SiteNotWritten.Id && d.Severity == DiagnosticSeverity.Error);
    }
}
