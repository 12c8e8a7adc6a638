using System.Xml.Linq;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>Beside a chunk the contents open only the branch that leads to it; the home page shows everything.</summary>
public class SiteSidebarTests
{
    [Fact]
    public void A_chapter_page_lists_every_chapter_but_only_its_own_sections()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("book/content/one.md", "# 第一章\n\n## 第一章第一节\n\n正文。\n\n## 第一章第二节\n\n正文。\n");
        dir.Write("book/content/two.md", "# 第二章\n\n## 第二章第一节\n\n正文。\n");
        var yml = dir.Write("book/content/book.yml", "id: sidebar\ntitle: 侧栏\nlanguage: zh-CN\nchapters: [one.md, two.md]\n");

        var (site, _) = SiteFromMarkdown.Build(yml, dir.Combine("work"));

        string[] Toc(string page) => site.Pages[page].Descendants(SitePages.X + "nav")
            .Where(n => (string?)n.Attribute("id") == "toc").Single().Descendants(SitePages.X + "a").Select(a => a.Value).ToArray();
        Assert.Equal(["第一章", "第一章第一节", "第一章第二节", "第二章", "第二章第一节"], Toc("index.html"));

        var chapterTwoSection = site.Pages.Keys.Single(k => k != "index.html" &&
            site.Pages[k].Descendants(SitePages.X + "h2").Any(h => h.Value.Contains("第二章第一节")));
        var sidebar = Toc(chapterTwoSection);
        Assert.Equal(["第一章", "第二章", "第二章第一节"], sidebar);
        var current = site.Pages[chapterTwoSection].Descendants(SitePages.X + "a").Single(a => (string?)a.Attribute("aria-current") == "page");
        Assert.Equal("第二章第一节", current.Value);
    }
}

/// <summary>A long book: the sidebar puts the reader's place at its top, the home page folds every chapter's sections.</summary>
public class SiteLongBookNavigationTests
{
    private static (SitePages Site, string[] Chapters) BuildTwelveChapters(TemporaryDirectory dir)
    {
        var files = new List<string>();
        for (var c = 1; c <= 12; c++)
        {
            var file = $"ch{c:00}.md";
            dir.Write($"book/content/{file}", $"# 第 {c} 章\n\n引言。\n\n## 第 {c} 章第一节\n\n正文。\n\n## 第 {c} 章第二节\n\n正文。\n\n### 第 {c} 章第二节之一\n\n正文。\n");
            files.Add(file);
        }
        var yml = dir.Write("book/content/book.yml", $"id: long\ntitle: 长书\nlanguage: zh-CN\nchapters: [{string.Join(", ", files)}]\n");
        var (site, _) = SiteFromMarkdown.Build(yml, dir.Combine("work"));
        return (site, files.ToArray());
    }

    [Fact]
    public void The_sidebar_folds_the_chapters_before_the_current_one_so_that_its_place_is_at_the_top()
    {
        using var dir = new TemporaryDirectory();
        var (site, _) = BuildTwelveChapters(dir);
        var page = site.Pages.Single(p => p.Value.Descendants(SitePages.X + "h1").Any(h => h.Value == "第 9 章" && h.Attribute("class") == null)).Value;
        var list = page.Descendants(SitePages.X + "nav").Single(n => (string?)n.Attribute("id") == "toc").Descendants(SitePages.X + "ol").First();
        var items = list.Elements(SitePages.X + "li").ToArray();
        var fold = items[0].Element(SitePages.X + "details")!;
        Assert.Equal("前 8 章", fold.Element(SitePages.X + "summary")!.Value);
        Assert.Equal(Enumerable.Range(1, 8).Select(c => $"第 {c} 章"), fold.Descendants(SitePages.X + "a").Select(a => a.Value));
        Assert.Equal("第 9 章", items[1].Element(SitePages.X + "a")!.Value);
        Assert.Equal("page", (string?)items[1].Element(SitePages.X + "a")!.Attribute("aria-current"));
        Assert.Equal(["第 9 章第一节", "第 9 章第二节"], items[1].Element(SitePages.X + "ol")!.Elements(SitePages.X + "li").Select(li => li.Element(SitePages.X + "a")!.Value));
        Assert.Equal(["第 10 章", "第 11 章", "第 12 章"], items.Skip(2).Select(li => li.Element(SitePages.X + "a")!.Value));

        // Early chapters are near the top anyway: nothing to fold.
        var second = site.Pages.Single(p => p.Value.Descendants(SitePages.X + "h1").Any(h => h.Value == "第 2 章" && h.Attribute("class") == null)).Value;
        Assert.Empty(second.Descendants(SitePages.X + "details"));
    }

    [Fact]
    public void The_home_page_of_a_long_book_lists_the_chapters_with_their_sections_folded()
    {
        using var dir = new TemporaryDirectory();
        var (site, _) = BuildTwelveChapters(dir);
        var toc = site.Pages["index.html"].Descendants(SitePages.X + "nav").Single(n => (string?)n.Attribute("id") == "toc");
        var chapters = toc.Descendants(SitePages.X + "ol").First().Elements(SitePages.X + "li").ToArray();
        Assert.Equal(12, chapters.Length);
        foreach (var chapter in chapters)
        {
            var folded = chapter.Element(SitePages.X + "details")!;
            Assert.Equal("3 节", folded.Element(SitePages.X + "summary")!.Value);
            Assert.Null(folded.Attribute("open"));
            Assert.Equal(3, folded.Descendants(SitePages.X + "a").Count());
        }
    }
}
