using System.Text.RegularExpressions;
using System.Xml.Linq;
using GptBook.Diagnostics;
using GptBook.Publishing;
using GptBook.Site;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>
/// Addresses that do not move: pages are named after their chapter and heading, the map of every published address
/// is kept beside book.yml, and an address whose page is gone leads on to where its chapter is now.
/// </summary>
public partial class SiteAddressTests
{
    private static readonly XNamespace X = SitePages.X;

    private sealed class Silent : IPublishObserver
    {
        public void StageStarted(string stage) { }
        public void StageFinished(string stage, TimeSpan elapsed, string? detail) { }
    }

    private static PublishResult Publish(string book, string output)
    {
        var result = BookPublisher.Publish(new PublishRequest(book, output, OutputFormats.Site, Strict: false), new Silent());
        Assert.True(result.Outcome == PublishOutcome.Built, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static string Book(TemporaryDirectory dir, params string[] chapters) =>
        dir.Write("book/content/book.yml", $"id: addresses\ntitle: 地址\nlanguage: zh-CN\nchapters:\n{string.Join("", chapters.Select(c => $"  - {c}\n"))}");

    /// <summary>What a page shows: the text of its article's first heading, following a page left at an old
    /// address to where it sends the reader (and to the fragment it names).</summary>
    private static string Shows(string site, string address)
    {
        var page = SitePages.Parse(Path.Combine(site, address));
        var refresh = page.Descendants(X + "meta").SingleOrDefault(m => (string?)m.Attribute("http-equiv") == "refresh");
        if (refresh != null)
        {
            var target = RefreshTarget().Match((string)refresh.Attribute("content")!).Groups[1].Value;
            var hash = target.IndexOf('#');
            if (hash < 0) return Shows(site, target);
            var heading = SitePages.Parse(Path.Combine(site, target[..hash])).Descendants().Single(e => (string?)e.Attribute("id") == target[(hash + 1)..]);
            return heading.Value;
        }
        // The page's own first heading (a section's page names its chapter above it, with a class).
        return page.Descendants(X + "article").Single().Descendants().First(e => e.Name.LocalName is "h1" or "h2" && e.Attribute("class") == null).Value;
    }

    [GeneratedRegex(@"^0; url=(.+)$")]
    private static partial Regex RefreshTarget();

    private static string[] Pages(string site) =>
        Directory.GetFiles(site, "*.html").Select(Path.GetFileName).Where(n => n is not ("index.html" or "404.html" or "search.html")).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Inserting_a_chapter_at_the_front_leaves_every_old_address_showing_the_same_chapter()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("book/content/intro.md", "# 引言\n\n本书讲大语言模型。\n");
        dir.Write("book/content/模型.md", "# 模型\n\n正文。\n\n## 预训练\n\n正文。\n\n## 微调\n\n正文。\n");
        dir.Write("book/content/appendix.md", "# 附录\n\n参考资料。\n");
        var book = Book(dir, "intro.md", "模型.md", "appendix.md");
        var site = dir.Combine("out", "site");
        Publish(book, dir.Combine("out"));
        var before = Pages(site).ToDictionary(a => a, a => Shows(site, a));
        Assert.Contains("intro.html", before.Keys);
        Assert.Contains("模型.html", before.Keys);
        Assert.Equal("预训练", before["预训练.html"]);

        dir.Write("book/content/preface.md", "# 序\n\n写在前面。\n");
        Book(dir, "preface.md", "intro.md", "模型.md", "appendix.md");
        Publish(book, dir.Combine("out"));

        foreach (var (address, shown) in before)
            Assert.True(File.Exists(Path.Combine(site, address)) && Shows(site, address) == shown, $"{address} no longer shows {shown}");
        Assert.Equal("序", Shows(site, "preface.html"));
    }

    [Fact]
    public void A_renamed_chapter_file_leaves_a_redirect_at_its_old_address_and_the_map_beside_book_yml_remembers_it()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("book/content/intro.md", "# 引言\n\n本书讲大语言模型。\n\n## 背景\n\n正文。\n");
        var book = Book(dir, "intro.md");
        var site = dir.Combine("out", "site");
        Publish(book, dir.Combine("out"));
        var map = dir.Combine("book/content/site-addresses.json");
        Assert.True(File.Exists(map));
        Assert.Equal(File.ReadAllBytes(map), File.ReadAllBytes(Path.Combine(site, "site-addresses.json")));

        File.Move(dir.Combine("book/content/intro.md"), dir.Combine("book/content/01-introduction.md"));
        Book(dir, "01-introduction.md");
        // The output folder is gone (a clean checkout in CI): the map beside book.yml is all the build has.
        Directory.Delete(dir.Combine("out"), recursive: true);
        Publish(book, dir.Combine("out"));

        Assert.Equal("引言", Shows(site, "01-introduction.html"));
        Assert.Equal("引言", Shows(site, "intro.html"));
        Assert.Equal("背景", Shows(site, "背景.html"));
        var moved = SitePages.Parse(Path.Combine(site, "intro.html"));
        Assert.Equal("01-introduction.html", (string?)moved.Descendants(X + "main").Single().Descendants(X + "a").Single().Attribute("href"));
        Assert.Equal("noindex", (string?)moved.Descendants(X + "meta").Single(m => (string?)m.Attribute("name") == "robots").Attribute("content"));
        var entries = System.Text.Json.JsonDocument.Parse(File.ReadAllText(map)).RootElement.GetProperty("addresses");
        Assert.Equal("content/01-introduction.md", entries.GetProperty("intro.html").GetProperty("file").GetString());
    }

    [Fact]
    public void A_slug_in_book_yml_names_the_chapters_page_and_keeps_it_when_the_file_is_renamed()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("book/content/第一章.md", "# 第一章\n\n正文。\n");
        var book = dir.Write("book/content/book.yml", "id: slugs\ntitle: 别名\nlanguage: zh-CN\nchapters:\n  - file: 第一章.md\n    slug: getting-started\n");
        var site = dir.Combine("out", "site");
        Publish(book, dir.Combine("out"));
        Assert.Equal("第一章", Shows(site, "getting-started.html"));

        File.Move(dir.Combine("book/content/第一章.md"), dir.Combine("book/content/01-开始.md"));
        dir.Write("book/content/book.yml", "id: slugs\ntitle: 别名\nlanguage: zh-CN\nchapters:\n  - {file: 01-开始.md, slug: getting-started}\n");
        Publish(book, dir.Combine("out"));
        Assert.Equal("第一章", Shows(site, "getting-started.html"));
        Assert.DoesNotContain(Pages(site), p => p.Contains("开始"));
    }

    [Fact]
    public void Entries_of_the_map_that_are_not_page_names_are_ignored_with_a_warning_and_gone_chapters_with_a_note()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("book/content/a.md", "# 甲\n\n正文。\n");
        var book = Book(dir, "a.md");
        dir.Write("book/content/site-addresses.json", """
            {"addresses": {
              "../../escape.html": {"file": "content/a.md"},
              "sub/page.html": {"file": "content/a.md"},
              "index.html": {"file": "content/a.md"},
              "old.html": {"file": "content/a.md", "heading": "甲"},
              "removed.html": {"file": "content/gone.md", "heading": "没了"}
            }}
            """);
        var result = Publish(book, dir.Combine("out"));
        var site = dir.Combine("out", "site");

        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.SiteAddressIgnored.Id));
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.SiteAddressGone.Id && d.Message.Contains("removed.html"));
        Assert.False(File.Exists(dir.Combine("out", "escape.html")));
        Assert.False(Directory.Exists(Path.Combine(site, "sub")));
        Assert.Equal("甲", Shows(site, "old.html"));
        Assert.False(File.Exists(Path.Combine(site, "removed.html")));
        Assert.Equal("甲", Shows(site, "a.html"));
        var kept = File.ReadAllText(dir.Combine("book/content/site-addresses.json"));
        Assert.Contains("removed.html", kept); // kept: should the chapter come back, its address works again
        Assert.DoesNotContain("escape", kept);
    }

    [Fact]
    public void A_second_build_with_nothing_changed_is_up_to_date_although_the_first_created_the_map()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("book/content/a.md", "# 甲\n\n正文。\n");
        var book = Book(dir, "a.md");
        Publish(book, dir.Combine("out"));
        var again = BookPublisher.Publish(new PublishRequest(book, dir.Combine("out"), OutputFormats.Site, Strict: false), new Silent());
        Assert.Equal(PublishOutcome.UpToDate, again.Outcome);
    }
}
