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
