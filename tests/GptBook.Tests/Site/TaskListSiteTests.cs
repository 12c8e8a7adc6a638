using System.Globalization;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>
/// GitHub task items on the site, from Markdown: classes on the list and item (no inline style, no input), the box as
/// text before the item's text, and in a phone-wide browser the box hangs where a bullet would be while a plain item
/// of the same list keeps its bullet.
/// </summary>
public sealed class TaskListSiteTests : IDisposable
{
    private readonly TempBookDirectory _dir = new();
    private readonly SitePages _site;
    private readonly string _chapter;

    public TaskListSiteTests()
    {
        _dir.Write("book.yml", "id: tasks\ntitle: 任务\nlanguage: zh-CN\nchapters:\n  - ch1.md\n");
        _dir.Write("ch1.md", "# 任务\n\n- [x] 线性回归\n- [ ] 逻辑回归，一段足够长的文字，在手机宽度的页面上会折成两行，第二行与第一行的文字对齐。\n- 普通条目\n");
        (_site, _) = SiteFromMarkdown.Build(_dir.PathOf("book.yml"), _dir.PathOf("work"));
        _chapter = _site.Pages.Keys.Single(k => _site.Pages[k].Descendants(SitePages.X + "ul").Any(u => (string?)u.Attribute("class") == "task-list"));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TaskItemsAreMarkedByClassesWithTheBoxBeforeTheirText()
    {
        var list = _site.Pages[_chapter].Descendants(SitePages.X + "ul").Single(u => (string?)u.Attribute("class") == "task-list");
        var items = list.Elements(SitePages.X + "li").ToList();
        Assert.Equal(["task-item", "task-item", null], items.Select(i => (string?)i.Attribute("class")));
        var boxes = items.Select(i => i.Elements().FirstOrDefault(e => (string?)e.Attribute("class") == "task-box")).ToList();
        Assert.Equal(["\u2611", "\u2610", null], boxes.Select(b => b?.Value));
        Assert.All(boxes.Take(2), b => Assert.Same(b!.Parent!.FirstNode, b));
        Assert.StartsWith("\u2611线性回归", items[0].Value, StringComparison.Ordinal);
        Assert.DoesNotContain(list.DescendantsAndSelf(), e => e.Name == SitePages.X + "input" || e.Attribute("style") != null);
        Assert.Contains("li.task-item { list-style: none; }", File.ReadAllText(Path.Combine(_site.Directory, "site.css")), StringComparison.Ordinal);
    }

    /// <summary>Per item: list-style-type, the box's left and right, the text's left (first and last line), in CSS px.</summary>
    private const string Geometry = """
        [...document.querySelectorAll('ul.task-list > li')].map(li => {
          const box = li.querySelector(':scope > .task-box');
          const text = [...li.childNodes].find(n => n.nodeType === 3 && n.data.trim());
          const range = document.createRange();
          range.selectNodeContents(text);
          const lines = [...range.getClientRects()];
          const b = box ? box.getBoundingClientRect() : { left: -1, right: -1 };
          return [getComputedStyle(li).listStyleType, b.left, b.right, lines[0].left, lines[lines.length - 1].left, lines.length]
            .map(v => typeof v === 'number' ? v.toFixed(1) : v).join(' ');
        }).join('|')
        """;

    [SkippableFact]
    public async Task AtPhoneWidthTheBoxHangsLikeAMarkerAndThePlainItemKeepsItsBullet()
    {
        ExternalTool.Require("chromium");
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
        await page.NavigateAsync(new Uri(Path.Combine(_site.Directory, _chapter)));
        Assert.True(await page.WaitForAsync("document.fonts.status === 'loaded'"), "the fonts did not load");

        var items = ((string)(await page.EvaluateAsync(Geometry))!).Split('|').Select(i => i.Split(' ')).ToArray();
        double At(int item, int field) => double.Parse(items[item][field], CultureInfo.InvariantCulture);
        Assert.Equal(["none", "none", "disc"], items.Select(i => i[0]));
        for (var i = 0; i < 2; i++)
        {
            // The box ends before the text begins, and every line of the text starts at the plain item's text edge.
            Assert.True(At(i, 2) <= At(i, 3) + 0.5, string.Join(" ", items[i]));
            Assert.Equal(At(2, 3), At(i, 3), 1);
            Assert.Equal(At(2, 3), At(i, 4), 1);
        }
        Assert.True(At(1, 5) >= 2, "the long task item should wrap at 390 px: " + string.Join(" ", items[1]));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
}
