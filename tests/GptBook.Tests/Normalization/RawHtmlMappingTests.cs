using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Normalization;

/// <summary>Raw HTML in chapters, read back from the model: parsed as HTML5 parses it, then mapped onto model nodes.</summary>
public class RawHtmlMappingTests
{
    private static (Book Book, DiagnosticBag Diagnostics) Load(string markdown, string file = "content/ch.md")
    {
        using var dir = new TempBookDirectory();
        dir.Write("images/2-1.png", [0x89, 0x50, 0x4E, 0x47]);
        dir.Write(file, markdown);
        return LoadedBook.From(dir.PathOf(file));
    }

    private static IReadOnlyList<Block> Blocks(string markdown) => Load(markdown).Book.Chapters.Single().Blocks;

    [Fact]
    public void A_centred_div_with_an_image_and_a_caption_line_is_a_figure_with_its_size_hint()
    {
        var (book, diagnostics) = Load("# 第二章\n\n<div align=\"center\"><img src=\"../images/2-1.png\" width=\"90%\"/><p>图2.1 全连接神经网络</p></div>\n");
        var figure = Assert.Single(book.Figures());
        Assert.Equal("images/2-1.png", figure.Image.Path);
        Assert.Equal(new ImageDimension(90, ImageDimensionUnit.Percent), figure.Image.Width);
        Assert.Null(figure.Image.Height);
        Assert.Equal("图2.1 全连接神经网络", Inline.PlainText(figure.Caption));
        Assert.Equal(0, figure.Number); // the caption carries the author's own label, "图2.1": no second one
        Assert.Equal("content/ch.md:3:1", figure.Span.ToString());
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "GB0105");
    }

    [Fact]
    public void Only_figures_whose_caption_has_no_label_of_the_authors_take_a_number()
    {
        var (book, _) = Load("# 第二章\n\n<div align=\"center\"><img src=\"../images/2-1.png\"/><p>图2.1 全连接神经网络</p></div>\n\n" +
            "![结构图](../images/2-1.png)\n\n<p align=\"center\"><img src=\"../images/2-1.png\"><br>Figure 3-1: Layers</p>\n\n" +
            "![图示说明](../images/2-1.png)\n\n![图1所示的 3D 视图](../images/2-1.png)\n\n![Figure 3D](../images/2-1.png)\n");
        var figures = book.Figures().ToArray();
        Assert.Equal([0, 1, 0, 2, 0, 3], figures.Select(f => f.Number));
        Assert.Equal(["figure-1", "fig-1", "figure-2", "fig-2", "figure-3", "fig-3"], figures.Select(f => f.Id));
        Assert.Equal("Figure 3-1: Layers", Inline.PlainText(figures[2].Caption));
    }

    [Theory]
    [InlineData("<p align=\"center\">\n  <img src=\"../images/2-1.png\" width=\"400\" alt=\"网络\">\n  <br>\n  图 1 网络结构\n</p>\n", "图 1 网络结构")]
    [InlineData("<center><img src=\"../images/2-1.png\" width=\"400px\"><br/><b>图 1</b> 网络结构</center>\n", "图 1 网络结构")]
    [InlineData("<figure><img src=\"../images/2-1.png\" width=\"400\"><figcaption>图 1 网络结构</figcaption></figure>\n", "图 1 网络结构")]
    [InlineData("<div align=center>\n<a href=\"https://example.org\"><img src=\"../images/2-1.png\" width=400 alt=\"网络结构\"></a>\n</div>\n", "网络结构")]
    public void Other_ways_of_writing_an_html_figure_give_the_same_figure(string html, string caption)
    {
        var figure = Assert.IsType<Figure>(Assert.Single(Blocks(html)));
        Assert.Equal("images/2-1.png", figure.Image.Path);
        Assert.Equal(new ImageDimension(400, ImageDimensionUnit.Pixel), figure.Image.Width);
        Assert.Equal(caption, Inline.PlainText(figure.Caption));
    }

    [Theory]
    [InlineData("style=\"zoom:50%;\"", 50, ImageDimensionUnit.Zoom)]
    [InlineData("style=\"zoom: 0.33\" width=\"600\"", 33, ImageDimensionUnit.Zoom)]
    [InlineData("width=\"600\" style=\"width: 60%; height: auto\"", 60, ImageDimensionUnit.Percent)]
    [InlineData("style=\"WIDTH:320px\"", 320, ImageDimensionUnit.Pixel)]
    [InlineData("style=\"zoom:100%\" width=\"80%\"", 80, ImageDimensionUnit.Percent)]
    public void A_size_in_the_style_attribute_wins_over_the_width_attribute_as_in_a_browser(string attributes, double value, ImageDimensionUnit unit)
    {
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(Blocks($"看 <img src=\"../images/2-1.png\" {attributes} /> 图。\n")));
        var image = Assert.Single(paragraph.Content.OfType<InlineImage>()).Image;
        Assert.Equal(new ImageDimension(value, unit), image.Width);
        Assert.Null(image.Height);
    }

    [Fact]
    public void An_image_in_a_paragraph_of_raw_html_stays_in_the_text()
    {
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(Blocks("点击 <img src=\"../images/2-1.png\" height=\"16\" alt=\"图标\"> 按钮。\n")));
        var image = Assert.Single(paragraph.Content.OfType<InlineImage>());
        Assert.Equal(new ImageDimension(16, ImageDimensionUnit.Pixel), image.Image.Height);
        Assert.Equal("点击 图标 按钮。", Inline.PlainText(paragraph.Content));
    }

    [Fact]
    public void Html_headings_are_headings_in_the_table_of_contents()
    {
        var (book, _) = Load("<h1 align=\"center\">大模型<br>入门</h1>\n\n<h2>第一节</h2>\n\n正文\n");
        var headings = book.Headings().ToArray();
        Assert.Equal([(1, "大模型入门"), (2, "第一节")], headings.Select(h => (h.Level, h.PlainText)));
        Assert.All(headings, h => Assert.NotEqual("", h.Id));
    }

    [Fact]
    public void Lists_and_paragraphs_are_built_as_html5_builds_them()
    {
        var blocks = Blocks("<ul><li>a<li>b</ul>\n\n<p>c<p>d\n\n<!-->x\n");
        var list = Assert.IsType<ListBlock>(blocks[0]);
        Assert.Equal(["a", "b"], list.Items.Select(i => Inline.PlainText(Assert.IsType<Paragraph>(Assert.Single(i.Blocks)).Content)));
        Assert.DoesNotContain(list.Items.SelectMany(i => i.Blocks), b => b is ListBlock);
        Assert.Equal(["c", "d", "x"], blocks.Skip(1).Select(b => Inline.PlainText(Assert.IsType<Paragraph>(b).Content)));
    }

    [Fact]
    public void Tag_like_words_that_are_not_html_stay_text()
    {
        var blocks = Blocks("序列以 <begin> 开始、以 <end> 结束，类型是 List<T>。\n\n<begin>\n");
        Assert.Equal("序列以 <begin> 开始、以 <end> 结束，类型是 List<T>。", Inline.PlainText(Assert.IsType<Paragraph>(blocks[0]).Content));
        Assert.Equal("<begin>", Inline.PlainText(Assert.IsType<Paragraph>(blocks[1]).Content));
    }

    [Fact]
    public void Sup_sub_kbd_and_br_map_to_model_inlines_around_markdown()
    {
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(Blocks("E=mc<sup>**2**</sup>，H<sub>2</sub>O，按 <kbd>Ctrl</kbd>+<kbd>C</kbd><br>下一行\n")));
        var marks = paragraph.Content.OfType<MarkedText>().ToArray();
        Assert.Equal([TextMark.Superscript, TextMark.Subscript, TextMark.Keyboard, TextMark.Keyboard], marks.Select(m => m.Mark));
        Assert.IsType<Strong>(Assert.Single(marks[0].Content));
        Assert.Single(paragraph.Content.OfType<LineBreak>());
        Assert.Equal("E=mc2，H2O，按 Ctrl+C\n下一行", Inline.PlainText(paragraph.Content));
    }

    [Fact]
    public void Table_spans_become_a_full_grid()
    {
        var table = Assert.IsType<Table>(Assert.Single(Blocks(
            "<table>\n<tr><th>模型</th><th colspan=\"2\">参数</th></tr>\n<tr><td rowspan=\"2\">GPT</td><td>1</td><td>2</td></tr>\n<tr><td>3</td><td>4</td></tr>\n</table>\n")));
        string[] Row(IReadOnlyList<TableCell> cells) => cells.Select(c => Inline.PlainText(c.Content)).ToArray();
        Assert.Equal(["模型", "参数", ""], Row(table.Header));
        Assert.Equal([["GPT", "1", "2"], ["", "3", "4"]], table.Rows.Select(Row));
    }

    [Fact]
    public void Active_content_never_reaches_the_model_and_is_reported_where_it_was()
    {
        var (book, diagnostics) = Load(
            "<div onclick=\"steal()\"><script>alert(1)</script><p>正文</p><iframe src=\"https://evil.example\"></iframe></div>\n\n" +
            "文字 <a href=\"javascript:alert(2)\" onmouseover=\"alert(3)\">链接</a> <img src=\"x.png\" onerror=\"alert(4)\"> <svg onload=\"alert(5)\"></svg>\n");
        var dump = ModelTextDump.Dump(book);
        Assert.DoesNotContain("alert", dump);
        Assert.True(!dump.Contains("javascript", StringComparison.OrdinalIgnoreCase), dump);
        Assert.Contains("正文", dump);
        Assert.Contains(diagnostics.Items, d => d.Code == "GB0105" && d.Span.ToString() == "content/ch.md:1:1" && d.Message.Contains("<script>"));
        Assert.Contains(diagnostics.Items, d => d.Code == "GB0105" && d.Span.ToString() == "content/ch.md:3:4" && d.Message.Contains("onmouseover"));
        Assert.Contains(diagnostics.Items, d => d.Code == "GB0110");
    }

    [Fact]
    public void Deeply_nested_html_is_read_without_overflowing()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 3000)) + "深处\n";
        var dump = ModelTextDump.Dump(Load(html).Book);
        Assert.Contains("深处", dump);
        var inline = "x " + string.Concat(Enumerable.Repeat("<b>", 3000)) + "深处\n";
        Assert.Contains("深处", ModelTextDump.Dump(Load(inline).Book));
    }

    [Fact]
    public void Details_with_markdown_between_its_html_lines_is_one_collapsible_block()
    {
        var blocks = Blocks("# 章\n\n<details>\n<summary>点击展开 <b>答案</b></summary>\n\n答案是 **42**。\n\n```python\nprint(42)\n```\n\n<details><summary>更多</summary>\n\n内层\n\n</details>\n\n</details>\n\n之后的段落\n");
        Assert.Equal(3, blocks.Count);
        var details = Assert.IsType<Details>(blocks[1]);
        Assert.Equal("点击展开 答案", Inline.PlainText(details.Summary));
        Assert.Equal("content/ch.md:3:1", details.Span.ToString());
        Assert.IsType<Paragraph>(details.Blocks[0]);
        Assert.IsType<CodeBlock>(details.Blocks[1]);
        var inner = Assert.IsType<Details>(details.Blocks[2]);
        Assert.Equal("更多", Inline.PlainText(inner.Summary));
        Assert.Equal("内层", Inline.PlainText(Assert.IsType<Paragraph>(Assert.Single(inner.Blocks)).Content));
        Assert.Equal("之后的段落", Inline.PlainText(Assert.IsType<Paragraph>(blocks[2]).Content));
    }

    [Fact]
    public void Details_written_in_one_html_block_is_the_same_block()
    {
        var details = Assert.IsType<Details>(Assert.Single(Blocks("<details><summary>标题</summary><p>正文</p></details>\n")));
        Assert.Equal("标题", Inline.PlainText(details.Summary));
        Assert.Equal("正文", Inline.PlainText(Assert.IsType<Paragraph>(Assert.Single(details.Blocks)).Content));
    }

    [Fact]
    public void A_details_line_never_closed_leaves_the_blocks_after_it_alone()
    {
        var blocks = Blocks("<details>\n<summary>没有结束</summary>\n\n段落\n");
        Assert.IsType<Details>(blocks[0]);
        Assert.Equal("段落", Inline.PlainText(Assert.IsType<Paragraph>(blocks[1]).Content));
    }
}
