using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Transforms;

/// <summary>Spaces between Han characters are export artefacts and leave the model; Han–Latin spaces stay.</summary>
public class HanSpaceTransformTests
{
    private static Book Load(string markdown)
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/book.yml", "id: t\ntitle: T\nlanguage: zh-CN\nchapters: [a.md]\n");
        dir.Write("content/a.md", markdown);
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(dir.PathOf("content/book.yml"), diagnostics);
        Assert.NotNull(options);
        return BookLoader.Load(options, diagnostics);
    }

    private static string Paragraph(Book book, int n = 0) => Inline.PlainText(book.AllBlocks().OfType<Paragraph>().ElementAt(n).Content);

    [Fact]
    public void A_space_left_by_a_placeholder_link_between_Han_characters_is_removed()
    {
        var book = Load("# 标题\n\n其在各种任务上的 zero-shot [相关解释](@todo) 性能。\n");
        Assert.Equal("其在各种任务上的 zero-shot 相关解释性能。", Paragraph(book));
    }

    [Fact]
    public void Spaces_are_removed_across_emphasis_and_link_boundaries_and_next_to_CJK_punctuation()
    {
        var book = Load("# 标题\n\n这是 **重要** 的，而 *强调*  。还有 [链接](https://example.com/) 文本 “引号” 结束\n");
        Assert.Equal("这是重要的，而强调。还有链接文本“引号”结束", Paragraph(book));
        // The structure stays: the emphasis and the link keep their own text.
        var content = book.AllBlocks().OfType<Paragraph>().First().Content;
        Assert.Equal("重要", Inline.PlainText(Assert.Single(content.OfType<Strong>()).Content));
        Assert.Equal("链接", Inline.PlainText(Assert.Single(content.OfType<Link>()).Content));
    }

    [Fact]
    public void Han_Latin_spaces_code_and_Latin_text_are_left_alone()
    {
        var book = Load("# 标题 二\n\nGPT-1 于 2018 年由 OpenAI 推出。\n\n代码 `中 文` 之间 and English words stay\n");
        Assert.Equal("GPT-1 于 2018 年由 OpenAI 推出。", Paragraph(book));
        var second = book.AllBlocks().OfType<Paragraph>().ElementAt(1).Content;
        // Code is a wall: the spaces beside it are not looked through, nor is its own text touched.
        Assert.Equal("中 文", Assert.Single(second.OfType<InlineCode>()).Code);
        Assert.Equal("代码 中 文 之间 and English words stay", Paragraph(book, 1));
        Assert.Equal("标题二", book.Headings().First().PlainText);
    }

    [Theory]
    [InlineData("# 第一章 注意力机制", "第一章 注意力机制")]
    [InlineData("## 第 3 节 训练 目标", "第 3 节 训练目标")]
    [InlineData("# 第十二讲  *强化* 学习", "第十二讲  强化学习")]
    [InlineData("# 第一单元 概述", "第一单元 概述")]
    [InlineData("# 第一 注意", "第一注意")]
    public void A_heading_keeps_the_space_after_its_opening_label_and_loses_the_others(string heading, string expected)
    {
        var book = Load(heading + "\n\n正文 第一章 注意\n");
        Assert.Equal(expected, book.Headings().First().PlainText);
        // In a paragraph the same words are prose: the space goes.
        Assert.Equal("正文第一章注意", Paragraph(book));
    }

    [Fact]
    public void A_paragraph_or_list_item_that_starts_with_an_opening_label_keeps_the_space_after_it()
    {
        var book = Load("# 目录\n\n- [第一章 线性回归](a.md)\n- 第二章 支持 向量机\n\n第三章 介绍 注意力。\n");
        var texts = book.AllBlocks().OfType<Paragraph>().Select(p => Inline.PlainText(p.Content)).ToArray();
        Assert.Equal(["第一章 线性回归", "第二章 支持向量机", "第三章 介绍注意力。"], texts);
    }

    [Theory]
    [InlineData("作者 · 2026", "作者 · 2026")]
    [InlineData("标题 — 副标题", "标题 — 副标题")]
    [InlineData("前文 —— 后文", "前文——后文")]
    [InlineData("他说 “你好” 然后", "他说“你好”然后")]
    [InlineData("张三 ·李四", "张三·李四")]
    public void A_shared_mark_spaced_on_both_sides_is_a_separator_and_keeps_its_spaces(string text, string expected)
    {
        var book = Load("# 标题\n\n" + text + "\n");
        Assert.Equal(expected, Paragraph(book));
    }
}
