using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>
/// What VuePress and VitePress books write into their Markdown for their site's JavaScript: components
/// (&lt;Badge/&gt;, &lt;CodeGroup&gt;) and contents markers in every editor's spelling, read back from the model.
/// </summary>
public class SiteComponentTests
{
    private static (Book Book, DiagnosticBag Diagnostics) Load(string markdown)
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/ch.md", markdown);
        return LoadedBook.From(dir.PathOf("content/ch.md"));
    }

    [Fact]
    public void A_badge_shows_its_label_and_other_components_what_they_hold()
    {
        var (book, diagnostics) = Load("# 书\n\n## 安装 <Badge text=\"v2.0+\" type=\"tip\"/>\n\n## 配置 <Badge type='warning' text='beta' vertical=\"middle\" />\n\n" +
            "<CodeGroup>\n<CodeGroupItem title=\"npm\">\n\n```bash\nnpm install\n```\n\n</CodeGroupItem>\n</CodeGroup>\n\n" +
            "行内 <ClientOnly>只在浏览器里</ClientOnly> 的文字。\n\n泛型 List<T> 与 <Tensor> 和 <begin> 是正文。\n");
        var blocks = book.Chapters.Single().Blocks;
        Assert.Equal(["安装 v2.0+", "配置 beta"], blocks.OfType<Heading>().Skip(1).Select(h => Inline.PlainText(h.Content)));
        Assert.Equal("npm install", Assert.Single(blocks.OfType<CodeBlock>()).Code.TrimEnd());
        var paragraphs = blocks.OfType<Paragraph>().Select(p => Inline.PlainText(p.Content)).ToArray();
        Assert.Contains("行内只在浏览器里的文字。", paragraphs); // the spaces were between Han: artefacts, gone
        Assert.Contains("泛型 List<T> 与 <Tensor> 和 <begin> 是正文。", paragraphs);
        var dump = ModelTextDump.Dump(book);
        Assert.DoesNotContain("CodeGroup", dump);
        Assert.DoesNotContain("ClientOnly", dump);
        Assert.DoesNotContain("Badge", dump);
        // Each left-out component is named once, at its place.
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("<CodeGroup>", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("<ClientOnly>", StringComparison.Ordinal) && d.Span.ToString() == "content/ch.md:17:4");
    }

    [Theory]
    [InlineData("[[toc]]")]
    [InlineData("[TOC]")]
    [InlineData("[[_TOC_]]")]
    [InlineData("@[toc]")]
    [InlineData("@[toc](目录)")]
    [InlineData("${toc}")]
    public void A_contents_marker_in_any_editor_spelling_is_dropped(string marker)
    {
        var (book, diagnostics) = Load($"# 书\n\n{marker}\n\n正文。\n");
        var blocks = book.Chapters.Single().Blocks;
        Assert.Equal("正文。", Inline.PlainText(Assert.Single(blocks.OfType<Paragraph>()).Content));
        Assert.Empty(diagnostics.Items);
    }
}
