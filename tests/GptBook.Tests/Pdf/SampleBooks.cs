using GptBook.Model;

namespace GptBook.Tests.Pdf;

/// <summary>
/// A book built by hand with the constructs the article lacks (code, tables, nested lists, footnotes, links), so
/// that the writer is tested on them without depending on the Markdown reader.
/// </summary>
public static class SampleBooks
{
    public static BookMetadata Metadata(string title = "从 GPT1 到 GPT4") => new(
        "gpt1-to-gpt4", title, "GPT 系列模型的发展与演变", "zh-CN", ["GptBook 编辑组"], new DateOnly(2026, 11, 30),
        "一篇梳理 OpenAI GPT 系列模型演进的短文。", ["GPT", "OpenAI"]);

    /// <summary>Everything the article lacks: code with long and Han lines, a table, nested lists, footnotes, links.</summary>
    public static Book Constructs()
    {
        var s = new SourceSpan("constructs.md", 1, 1);
        Inline T(string text) => new Model.Text(text, s);
        var blocks = new List<Block>
        {
            new Heading(1, [T("构件一览")], "constructs", s),
            new Heading(2, [T("代码与表格")], "code", s),
            new Paragraph([T("正文里有行内代码 "), new InlineCode("model.generate()", s), T("，也有外部链接 "),
                new Link("https://openai.com/research", null, [T("OpenAI 研究")], s), T(" 和内部链接 "),
                new Link("#table", null, [T("表格一节")], s), T("，以及脚注"), new FootnoteReference("fn-1", 1, s), T("。")], s),
            new CodeBlock("python", "def generate(prompt):\n    # 生成文本：一个非常长的注释行，用来检验代码行在版心宽度处折行，并且在续行开头有一个标记而不会被裁掉 " + new string('x', 60) + "\n    return model(prompt)\n", s),
            new Heading(2, [T("表格")], "table", s),
            new Table([ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Default],
                [new TableCell([T("模型")], s), new TableCell([T("参数量")], s), new TableCell([T("说明")], s)],
                [
                    [new TableCell([T("GPT-1")], s), new TableCell([T("1.17 亿")], s), new TableCell([T("12 层解码器，在 BooksCorpus 上预训练。")], s)],
                    [new TableCell([T("GPT-2")], s), new TableCell([T("15 亿")], s), new TableCell([T("零样本迁移能力显著提升，数据集为 WebText。")], s)],
                    [new TableCell([T("GPT-3")], s), new TableCell([T("1750 亿")], s), new TableCell([T("少样本学习，上下文学习能力。")], s)],
                ], s),
            new Heading(3, [T("列表与引用")], "lists", s),
            new ListBlock(false, 1,
            [
                new ListItem([new Paragraph([T("第一项：预训练。")], s), new ListBlock(true, 1,
                [
                    new ListItem([new Paragraph([T("嵌套的第一项")], s)], s),
                    new ListItem([new Paragraph([T("嵌套的第二项，文字稍长一些，以便折行并检验悬挂缩进是否正确。")], s)], s),
                ], s)], s),
                new ListItem([new Paragraph([T("第二项：微调。")], s)], s),
            ], s),
            new BlockQuote([new Paragraph([T("引用的文字缩进，并在左侧有一条竖线。")], s)], s),
            new Figure(new ImageReference("photo.jpg", ImageSourceKind.Local, "photo.jpg", "一张照片", s), [T("照片原样嵌入")], "fig-photo", 1, s),
            new Figure(new ImageReference("https://example.com/remote.png", ImageSourceKind.Remote, null, "远程图片", s), [T("远程图片")], "fig-remote", 2, s),
            new Figure(new ImageReference("missing.png", ImageSourceKind.Local, "missing.png", "缺失的图片", s), [T("缺失的图片")], "fig-missing", 3, s),
            new ThematicBreak(s),
            new Paragraph([T("分隔线之后的段落。")], s),
        };
        var footnotes = new List<Footnote> { new("fn-1", 1, "1", [new Paragraph([T("脚注的内容，排在本章末尾。")], s)], s) };
        return new Book(Metadata("构件测试"), [new Chapter("constructs", "constructs.md", blocks, footnotes)]);
    }
}
