using System.Xml.Linq;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>
/// A book that gives no date: its timestamps rest on a default (1980-01-01 and a content hash), which the site must
/// not show as its publication date. Read back from the written pages and sitemap, with a dated book as the control.
/// </summary>
public class SiteUndatedBookTests
{
    /// <summary>Every page's footer, the home page's line under the title, and the sitemap, as one text.</summary>
    private static string Build(string dateLine)
    {
        using var dir = new TempBookDirectory();
        dir.Write("book.yml", $"id: undated\ntitle: 无日期\nlanguage: zh-CN\nauthors: [作者甲]\n{dateLine}site:\n  base_url: https://example.org/book/\nchapters: [ch.md]\n");
        dir.Write("ch.md", "# 第一章\n\n正文。\n");
        var (site, _) = SiteFromMarkdown.Build(dir.PathOf("book.yml"), Path.Combine(dir.Root, "out"));
        // The pages are read now: the directory goes when this method returns.
        var footer = site.Pages.Values.Select(p => p.Descendants(SitePages.X + "footer").Single().Value).ToList();
        var home = site.Pages["index.html"].Descendants().Single(e => (string?)e.Attribute("class") == "book-meta").Value;
        return string.Join("\n", footer) + "\n" + home + "\n" + File.ReadAllText(Path.Combine(site.Directory, "sitemap.xml"));
    }

    [Fact]
    public void An_undated_book_shows_no_date_on_its_pages_or_in_its_sitemap()
    {
        var undated = Build("");
        Assert.DoesNotContain("1980", undated);
        Assert.DoesNotContain("lastmod", undated);
        Assert.Contains("作者甲", undated);

        var dated = Build("date: 2026-12-02\n");
        Assert.Contains("2026 年 12 月 2 日", dated);
        Assert.Contains("<lastmod>2026-12-02</lastmod>", dated);
    }
}
