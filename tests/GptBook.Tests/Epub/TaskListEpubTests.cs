using System.Xml.Linq;
using System.Text;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Tests.Support;
using static GptBook.Tests.Epub.EpubFile;

namespace GptBook.Tests.Epub;

/// <summary>
/// GitHub task items in the EPUB, from Markdown: the list and item carry classes (no inline style, no input), the
/// box is text before the item's text, and the stylesheet takes the bullet away from task items only.
/// </summary>
public sealed class TaskListEpubTests : IDisposable
{
    private readonly TempBookDirectory _dir = new();
    private readonly SampleEpub _epub = new();
    private readonly string _path;

    public TaskListEpubTests()
    {
        _dir.Write("book.yml", "id: tasks\ntitle: 任务\nlanguage: zh-CN\nchapters:\n  - ch1.md\n");
        _dir.Write("ch1.md", "# 任务\n\n- [x] 线性回归\n- [ ] **逻辑回归**\n- 普通条目\n\n1. [ ] 有序任务\n");
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(_dir.PathOf("book.yml"), diagnostics)!;
        _path = _epub.Write(BookLoader.Load(options, diagnostics));
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    public void Dispose()
    {
        _epub.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void TaskItemsAreMarkedByClassesWithTheBoxAsTheirMarkerAndPlainItemsKeepTheirBullets()
    {
        var epub = new EpubFile(_path);

        var lists = epub.XhtmlHrefs.Select(epub.Document).SelectMany(d => d.Descendants())
            .Where(e => (e.Name == Xhtml + "ul" || e.Name == Xhtml + "ol") && !e.Ancestors(Xhtml + "nav").Any()).ToList();
        Assert.Equal(2, lists.Count);
        Assert.All(lists, l => Assert.Equal("task-list", (string?)l.Attribute("class")));
        var items = lists.SelectMany(l => l.Elements(Xhtml + "li")).ToList();
        Assert.Equal(["task-item", "task-item", null, "task-item"], items.Select(i => (string?)i.Attribute("class")));
        // The box is the item's first child, a span of text; the item's own text follows without it.
        var boxes = items.Select(i => i.Elements().FirstOrDefault(e => (string?)e.Attribute("class") == "task-box")).ToList();
        Assert.Equal(["\u2611", "\u2610", null, "\u2610"], boxes.Select(b => b?.Value));
        Assert.All(boxes.Where(b => b != null), b => Assert.Same(b!.Parent!.FirstNode, b));
        Assert.Equal(["\u2611线性回归", "\u2610逻辑回归", "普通条目", "\u2610有序任务"], items.Select(i => i.Value));
        // Nothing interactive and nothing styled inline.
        Assert.DoesNotContain(lists.SelectMany(l => l.DescendantsAndSelf()), e => e.Name == Xhtml + "input" || e.Attribute("style") != null);

        var css = Encoding.UTF8.GetString(epub.Entries[epub.Folder + "/styles/book.css"]);
        Assert.Contains("li.task-item { list-style: none; }", css, StringComparison.Ordinal);
        Assert.Matches(@"span\.task-box \{[^}]*margin-left: -", css);
    }

    [SkippableFact]
    public void AnEpubWithTaskListsPassesEpubcheck() => Epubcheck.AssertValid(_path);
}
