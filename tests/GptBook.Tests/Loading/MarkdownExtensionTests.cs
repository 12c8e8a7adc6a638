using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>Extensions common in books written for GitHub, docsify and pandoc: applied or removed, never printed as text.</summary>
public class MarkdownExtensionTests
{
    private static (Book Book, DiagnosticBag Diagnostics) Load(string markdown)
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/ch.md", markdown);
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(dir.PathOf("content/ch.md"), diagnostics);
        Assert.NotNull(options);
        return (BookLoader.Load(options, diagnostics), diagnostics);
    }

    [Fact]
    public void Github_alerts_are_admonitions_of_their_kind()
    {
        var (book, _) = Load("# 标题\n\n> [!NOTE]\n> 说明文字。\n\n> [!TIP]\n> 提示\n\n> [!IMPORTANT]\n> 重要\n\n> [!WARNING]\n> 警告\n\n> [!CAUTION]\n> 小心\n\n> 普通引用\n");
        var blocks = book.Chapters.Single().Blocks;
        var alerts = blocks.OfType<Admonition>().ToArray();
        Assert.Equal([AdmonitionKind.Note, AdmonitionKind.Tip, AdmonitionKind.Important, AdmonitionKind.Warning, AdmonitionKind.Caution], alerts.Select(a => a.Kind));
        Assert.Equal("说明文字。", Inline.PlainText(Assert.IsType<Paragraph>(Assert.Single(alerts[0].Blocks)).Content));
        Assert.Single(blocks.OfType<BlockQuote>());
        Assert.DoesNotContain("[!", ModelTextDump.Dump(book));
    }

    [Fact]
    public void Heading_attributes_name_the_heading_and_are_never_printed()
    {
        var (book, _) = Load("# 第一章 {#intro .unnumbered}\n\n## 小节 {#sec-1}\n\n见[第一章](#intro)。\n");
        var headings = book.Headings().ToArray();
        Assert.Equal(["第一章", "小节"], headings.Select(h => h.PlainText));
        Assert.Equal(["intro", "sec-1"], headings.Select(h => h.Id));
        Assert.DoesNotContain("{", ModelTextDump.Dump(book));
    }

    [Fact]
    public void Front_matter_is_read_for_the_title_and_never_printed()
    {
        var (book, diagnostics) = Load("---\ntitle: 从零开始的大模型\ntags: [llm]\n---\n\n正文。\n");
        var chapter = book.Chapters.Single();
        Assert.Equal("从零开始的大模型", chapter.Title);
        Assert.Equal(["从零开始的大模型", "正文。"], chapter.Blocks.Select(b => Inline.PlainText(b.InlineContent().Single())));
        Assert.DoesNotContain("tags", ModelTextDump.Dump(book));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_heading_wins_over_the_front_matter_title_and_bad_front_matter_is_reported()
    {
        var (book, _) = Load("---\ntitle: 别名\n---\n\n# 真正的标题\n");
        Assert.Equal("真正的标题", Assert.Single(book.Headings()).PlainText);

        var (bad, diagnostics) = Load("---\ntitle: [未闭合\n---\n\n# 标题\n");
        Assert.Equal("标题", Assert.Single(bad.Headings()).PlainText);
        Assert.DoesNotContain("未闭合", ModelTextDump.Dump(bad));
        var d = Assert.Single(diagnostics.Items, d => d.Code == "GB0120");
        Assert.Equal("content/ch.md:1:1", d.Span.ToString());
    }
}
