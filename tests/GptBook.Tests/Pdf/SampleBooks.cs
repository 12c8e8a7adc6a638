using System.Text.RegularExpressions;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Pdf;

/// <summary>
/// Books for the PDF tests, built by hand so that these tests don't depend on the Markdown reader: the article's
/// own text (headings, paragraphs, figures, the quote and the numbered list, read line by line) and a synthetic
/// book with the constructs the article lacks (code, tables, nested lists, footnotes, links).
/// </summary>
public static partial class SampleBooks
{
    public static BookMetadata Metadata(string title = "从 GPT1 到 GPT4") => new(
        "gpt1-to-gpt4", title, "GPT 系列模型的发展与演变", "zh-CN", ["GptBook 编辑组"], new DateOnly(2026, 11, 30),
        "一篇梳理 OpenAI GPT 系列模型演进的短文。", ["GPT", "OpenAI"]);

    public static Book Article()
    {
        var file = "content/gpt1-to-gpt4.md";
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Content, "gpt1-to-gpt4.md"));
        var blocks = new List<Block>();
        var quote = new List<Block>();
        var items = new List<ListItem>();
        var figure = 0;
        var ids = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var span = new SourceSpan(file, i + 1, 1);
            if (!line.StartsWith('>') && quote.Count > 0) { blocks.Add(new BlockQuote(quote.ToList(), span)); quote.Clear(); }
            if (!OrderedItem().IsMatch(line) && items.Count > 0) { blocks.Add(new ListBlock(true, 1, items.ToList(), span)); items.Clear(); }
            if (line.Length == 0) continue;
            var heading = HeadingLine().Match(line);
            if (heading.Success)
            {
                var text = heading.Groups[2].Value;
                blocks.Add(new Heading(heading.Groups[1].Length, [new Model.Text(text, span)], "h-" + ++ids, span));
            }
            else if (ImageLine().Match(line) is { Success: true } image)
            {
                var alt = image.Groups[1].Value;
                var path = "assets/2.3从GPT1到GPT4/" + Uri.UnescapeDataString(image.Groups[2].Value.Split('/')[^1]);
                var caption = alt == "Untitled" ? [] : new List<Inline> { new Model.Text(alt, span) };
                blocks.Add(new Figure(new ImageReference(image.Groups[2].Value, ImageSourceKind.Local, path, alt, span), caption, "fig-" + ++figure, figure, span));
            }
            else if (line.StartsWith('>'))
            {
                var text = line.TrimStart('>').Trim().Replace("****", "");
                if (text.Length > 0) quote.Add(new Paragraph([new Model.Text(text, span)], span));
            }
            else if (OrderedItem().Match(line) is { Success: true } item)
            {
                items.Add(new ListItem([new Paragraph([new Model.Text(item.Groups[1].Value, span)], span)], span));
            }
            else
            {
                blocks.Add(new Paragraph([new Model.Text(LinkMarkup().Replace(line, "$1"), span)], span));
            }
        }
        if (quote.Count > 0) blocks.Add(new BlockQuote(quote, SourceSpan.None));
        if (items.Count > 0) blocks.Add(new ListBlock(true, 1, items, SourceSpan.None));
        return new Book(Metadata(), [new Chapter("gpt1-to-gpt4", file, blocks, [])]);
    }

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
            new ThematicBreak(s),
            new Paragraph([T("分隔线之后的段落。")], s),
        };
        var footnotes = new List<Footnote> { new("fn-1", 1, "1", [new Paragraph([T("脚注的内容，排在本章末尾。")], s)], s) };
        return new Book(Metadata("构件测试"), [new Chapter("constructs", "constructs.md", blocks, footnotes)]);
    }

    [GeneratedRegex("^(#{1,6})\\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex("^!\\[(.*)\\]\\((.*)\\)$")]
    private static partial Regex ImageLine();

    [GeneratedRegex("^\\d+\\.\\s+(.*)$")]
    private static partial Regex OrderedItem();

    [GeneratedRegex("\\[([^\\]]*)\\]\\([^)]*\\)")]
    private static partial Regex LinkMarkup();
}
