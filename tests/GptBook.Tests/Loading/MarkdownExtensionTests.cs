using GptBook.Diagnostics;
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
        return LoadedBook.From(dir.PathOf("content/ch.md"));
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
    public void Vuepress_containers_are_admonitions_with_their_own_titles_and_details_fold()
    {
        var (book, diagnostics) = Load("# 标题\n\n::: tip\n默认标题。\n:::\n\n::: warning 注意事项\n带 **粗体** 的正文。\n\n第二段。\n:::\n\n" +
            "::: danger\n危险\n:::\n\n::: info 信息\n说明\n:::\n\n::: details 点击查看代码\n```python\nprint(1)\n```\n:::\n\n::: details\n无标题\n:::\n\n" +
            "::: code-group\n组内文字\n:::\n\n说明 std::vector::size 与 a::b 不是容器。\n");
        var blocks = book.Chapters.Single().Blocks;
        var admonitions = blocks.OfType<Admonition>().ToArray();
        Assert.Equal([AdmonitionKind.Tip, AdmonitionKind.Warning, AdmonitionKind.Caution, AdmonitionKind.Note], admonitions.Select(a => a.Kind));
        Assert.Equal([null, "注意事项", null, "信息"], admonitions.Select(a => a.Title));
        Assert.Equal(["提示", "注意事项", "小心", "信息"], admonitions.Select(a => a.Label(LanguageLabels.Chinese)));
        Assert.Equal(2, admonitions[1].Blocks.Count);
        var details = blocks.OfType<Details>().ToArray();
        Assert.Equal(["点击查看代码", "详细信息"], details.Select(d => Inline.PlainText(d.Summary)));
        Assert.IsType<CodeBlock>(Assert.Single(details[0].Blocks));
        // An unknown kind keeps its content, with a warning at its line; colons in prose are text.
        Assert.Contains(blocks.OfType<Paragraph>(), p => Inline.PlainText(p.Content) == "组内文字");
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("code-group"));
        Assert.Equal("content/ch.md:31:1", warning.Span.ToString());
        Assert.Contains(blocks.OfType<Paragraph>(), p => Inline.PlainText(p.Content).Contains("std::vector::size 与 a::b"));
        Assert.DoesNotContain(":::", ModelTextDump.Dump(book));
    }

    [Fact]
    public void Docsify_notes_are_admonitions_and_other_marks_stay_text()
    {
        var (book, _) = Load("# 标题\n\n!> **重要**：不要在生产环境运行。\n\n?> 提示：可以先看第二章。\n\n!>没有空格不算。\n\n1 > 0 ? 是 : 否\n");
        var blocks = book.Chapters.Single().Blocks;
        var notes = blocks.OfType<Admonition>().ToArray();
        Assert.Equal([AdmonitionKind.Important, AdmonitionKind.Tip], notes.Select(n => n.Kind));
        var first = Assert.IsType<Paragraph>(Assert.Single(notes[0].Blocks));
        Assert.Equal("重要：不要在生产环境运行。", Inline.PlainText(first.Content));
        Assert.IsType<Strong>(first.Content[0]);
        Assert.Equal("提示：可以先看第二章。", Inline.PlainText(Assert.IsType<Paragraph>(Assert.Single(notes[1].Blocks)).Content));
        Assert.Equal(["!>没有空格不算。", "1 > 0 ? 是 : 否"], blocks.OfType<Paragraph>().Select(p => Inline.PlainText(p.Content)));
    }

    [Fact]
    public void Contents_markers_are_dropped_and_task_list_items_carry_their_box_as_the_marker()
    {
        var (book, _) = Load("# 标题\n\n[[toc]]\n\n[TOC]\n\n- [x] 已完成\n- [ ] 未完成\n- [链接](https://example.com/) 不是任务\n\n正文 [toc] 中间。\n");
        var dump = ModelTextDump.Dump(book);
        Assert.DoesNotContain("[[toc]]", dump);
        Assert.DoesNotContain("[TOC]", dump);
        var list = book.Chapters.Single().Blocks.OfType<ListBlock>().Single();
        var items = list.Items.Select(i => Inline.PlainText(Assert.IsType<Paragraph>(Assert.Single(i.Blocks)).Content)).ToArray();
        // The box is the item's marker, not its text: the text starts after the box and its space.
        Assert.Equal(["已完成", "未完成", "链接不是任务"], items);
        Assert.Equal([TaskState.Done, TaskState.Open, (TaskState?)null], list.Items.Select(i => i.Task));
        Assert.Equal(["\u2611", "\u2610", null], list.Items.Select(i => i.TaskBox));
        Assert.Contains("Item task=done @", dump);
        Assert.Contains("Item task=open @", dump);
        Assert.DoesNotContain("\u2611", dump);
        // Only a paragraph that is nothing but the marker is dropped.
        Assert.Contains(book.Chapters.Single().Blocks.OfType<Paragraph>(), p => Inline.PlainText(p.Content) == "正文 [toc] 中间。");
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

    private static string[] Row(IReadOnlyList<TableCell> cells) => cells.Select(c => Inline.PlainText(c.Content)).ToArray();

    [Fact]
    public void A_table_goes_on_until_a_blank_line_as_on_github()
    {
        var (book, _) = Load("# 表\n\n| 模型 | 参数 |\n| --- | :-: |\n| GPT | `1` 亿 [链接](https://example.org) |\n表格后直接跟着的一行 *强调*\n| 2 | 3 | 多余 |\n|  | 右 |\n\n之后的段落。\n");
        var blocks = book.Chapters.Single().Blocks;
        Assert.Equal(3, blocks.Count);
        var table = Assert.IsType<Table>(blocks[1]);
        Assert.Equal([ColumnAlignment.Default, ColumnAlignment.Center], table.Alignments);
        Assert.Equal(["模型", "参数"], Row(table.Header));
        Assert.Equal([["GPT", "1 亿链接"], ["表格后直接跟着的一行强调", ""], ["2", "3"], ["", "右"]], table.Rows.Select(Row));
        Assert.IsType<InlineCode>(table.Rows[0][1].Content[0]);
        Assert.Contains(table.Rows[0][1].Content, i => i is Link);
        Assert.Contains(table.Rows[1][0].Content, i => i is Emphasis);
        Assert.Equal("content/ch.md:6:1", table.Rows[1][0].Span.ToString());
        Assert.Equal("content/ch.md:7:3", table.Rows[2][0].Span.ToString());
        Assert.Equal("content/ch.md:7:7", table.Rows[2][1].Span.ToString());
        Assert.Equal("content/ch.md:8:6", table.Rows[3][1].Span.ToString());
        Assert.Equal("之后的段落。", Inline.PlainText(Assert.IsType<Paragraph>(blocks[2]).Content));
        Assert.DoesNotContain(book.AllBlocks().OfType<Paragraph>(), p => Inline.PlainText(p.Content).Contains('|'));
    }

    [Fact]
    public void A_table_in_a_quote_or_a_list_goes_on_the_same_way()
    {
        var (book, _) = Load("> | a | b |\n> |---|---|\n> 引用里的行\n\n- | c |\n  |---|\n  列表里的行 \\| 不分列\n");
        var tables = book.AllBlocks().OfType<Table>().ToArray();
        Assert.Equal(2, tables.Length);
        Assert.Equal([["引用里的行", ""]], tables[0].Rows.Select(Row));
        Assert.Equal("content/ch.md:3:3", tables[0].Rows[0][0].Span.ToString());
        Assert.Equal([["列表里的行 | 不分列"]], tables[1].Rows.Select(Row));
        Assert.Equal("content/ch.md:7:3", tables[1].Rows[0][0].Span.ToString());
    }

    [Fact]
    public void Lines_that_only_look_like_a_table_stay_one_paragraph()
    {
        // A pipe inside an HTML tag or a code span separates no cells: Markdig reads no table, the lines stay text.
        var (book, _) = Load("<b title=\"|\">粗</b> b\n|---|\n下一行\n\n`x|y` 和 z\n|---|\n另一行\n");
        var paragraphs = book.Chapters.Single().Blocks;
        Assert.All(paragraphs, b => Assert.IsType<Paragraph>(b));
        Assert.Equal(2, paragraphs.Count);
        Assert.EndsWith("下一行", Inline.PlainText(((Paragraph)paragraphs[0]).Content));
        Assert.EndsWith("另一行", Inline.PlainText(((Paragraph)paragraphs[1]).Content));
    }

    [Fact]
    public void An_html_anchor_names_the_heading_it_marks_so_that_links_arrive()
    {
        var (book, diagnostics) = Load("# 目录\n\n见[介绍](#intro)、[第二节](#sec-2)、[小节](#1.1)。\n\n<a name=\"intro\"></a>\n\n## 介绍\n\n## <a id=\"sec-2\"></a>第二节\n\n<a name=\"1.1\"></a>\n\n## 1.1 小节\n\n<a name=\"lost\"></a>\n\n正文。\n\n## 无锚点\n");
        var headings = book.Headings().ToArray();
        Assert.Equal(["介绍", "第二节", "1.1 小节", "无锚点"], headings.Skip(1).Select(h => h.PlainText));
        Assert.Equal(["intro", "sec-2", "h-1.1", "无锚点"], headings.Skip(1).Select(h => h.Id));
        var links = book.Chapters.Single().Blocks.OfType<Paragraph>().First().Content.OfType<Link>().ToArray();
        Assert.Equal(["#intro", "#sec-2", "#h-1.1"], links.Select(l => l.Target));
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "GB0111");
    }

    [Fact]
    public void An_anchor_in_or_before_a_paragraph_names_that_place_with_an_id_that_never_renames_a_heading()
    {
        var (book, diagnostics) = Load("# 引言\n\n见[定义](#def)、[结论](#conclusion)、[引言锚点](#引言)与[列表](#before-list)。\n\n" +
            "<a name=\"def\"></a>\n\n模型的定义如下。\n\n正文中间<a id=\"conclusion\"></a>的结论，以及<a name=\"引言\"></a>同名锚点。\n\n" +
            "<a name=\"before-list\"></a>\n\n- 列表项\n");
        var blocks = book.Chapters.Single().Blocks;
        Assert.Equal("引言", book.Headings().Single().Id); // the heading keeps its id; the anchor named like it gets another
        var anchors = blocks.OfType<Paragraph>().SelectMany(p => p.Content.OfType<InlineAnchor>()).Select(a => a.Id).ToArray();
        Assert.Equal(["def", "conclusion", "引言-2"], anchors);
        Assert.IsType<InlineAnchor>(blocks.OfType<Paragraph>().ElementAt(1).Content[0]); // "def" starts the paragraph after it
        Assert.Equal("正文中间的结论，以及同名锚点。", Inline.PlainText(blocks.OfType<Paragraph>().ElementAt(2).Content));
        var links = blocks.OfType<Paragraph>().First().Content.OfType<Link>().Select(l => l.Target).ToArray();
        // "#引言" is the heading's own id, so that link goes to the heading.
        Assert.Equal(["#def", "#conclusion", "#引言", "#before-list"], links);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "GB0111");
        Assert.Contains(diagnostics.Items, d => d.Code == "GB0107" && d.Message.Contains("引言-2"));
    }

    [Fact]
    public void An_anchor_before_a_list_a_table_code_or_an_html_block_names_that_block()
    {
        var (book, diagnostics) = Load("# 标题\n\n见[列表](#steps)、[表](#表格)、[代码](#code)、[引用](#quote)、[重名](#标题)与[HTML 表](#html-table)。\n\n" +
            "<a name=\"steps\"></a>\n\n- 第一步\n- 第二步\n\n<a id='表格'></a>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n" +
            "<a name=\"code\"></a>\n\n```python\nprint(1)\n```\n\n<a name=\"quote\"></a>\n\n> 引用\n\n<a name=\"标题\"></a>\n\n---\n\n" +
            "<a name=\"html-table\"></a>\n\n<table><tr><td>x</td></tr></table>\n\n<a name=\"nothing\"></a>\n");
        var blocks = book.Chapters.Single().Blocks;
        Assert.Equal(["steps"], Assert.IsType<ListBlock>(blocks[2]).Anchors);
        Assert.Equal(["表格"], Assert.IsType<Table>(blocks[3]).Anchors);
        Assert.Equal(["code"], Assert.IsType<CodeBlock>(blocks[4]).Anchors);
        Assert.Equal(["quote"], Assert.IsType<BlockQuote>(blocks[5]).Anchors);
        Assert.Equal(["标题-2"], Assert.IsType<ThematicBreak>(blocks[6]).Anchors); // the heading keeps "标题"
        Assert.Equal(["html-table"], Assert.IsType<Table>(blocks[7]).Anchors);
        Assert.Equal(8, blocks.Count); // the last anchor, before nothing, shows nothing
        var links = blocks.OfType<Paragraph>().First().Content.OfType<Link>().Select(l => l.Target).ToArray();
        Assert.Equal(["#steps", "#表格", "#code", "#quote", "#标题", "#html-table"], links);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "GB0111");
        Assert.Contains("List unordered anchor=\"steps\" @", ModelTextDump.Dump(book));
    }

    [Fact]
    public void An_anchor_line_right_above_a_block_names_it_without_a_blank_line_between()
    {
        var (book, diagnostics) = Load("# 标题\n\n见[列表](#steps)与[代码](#code)。\n\n<a name=\"steps\"></a>\n- 第一步\n- 第二步\n\n" +
            "<a name=\"code\"></a>\n```python\nprint(1)\n```\n");
        var blocks = book.Chapters.Single().Blocks;
        Assert.Equal(["第一步", "第二步"], Assert.IsType<ListBlock>(blocks[2]).Items.Select(i => Inline.PlainText(((Paragraph)i.Blocks[0]).Content)));
        Assert.Equal(["steps"], blocks[2].Anchors);
        Assert.Equal("print(1)", Assert.IsType<CodeBlock>(blocks[3]).Code);
        Assert.Equal(["code"], blocks[3].Anchors);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "GB0111");
    }

    [Fact]
    public void Emoji_shortcodes_are_emoji_as_github_shows_them_also_straight_after_chinese()
    {
        var (book, _) = Load("# 笔记 :book:\n\n## 梯度下降 :rocket:\n\n核心:smile:。:+1: 好\n\n" +
            "时间 12:30:45，比例 a:b:c，未知 :nosuchemoji:，笑脸 :) 不变，代码 `:smile:` 不变。\n");
        var chapter = book.Chapters.Single();
        var headings = chapter.Blocks.OfType<Heading>().Select(h => Inline.PlainText(h.Content)).ToArray();
        Assert.Equal(["笔记 📖", "梯度下降 🚀"], headings);
        var paragraphs = chapter.Blocks.OfType<Paragraph>().Select(p => Inline.PlainText(p.Content)).ToArray();
        Assert.Equal("核心😄。👍 好", paragraphs[0]);
        Assert.Equal("时间 12:30:45，比例 a:b:c，未知 :nosuchemoji:，笑脸 :) 不变，代码 :smile: 不变。", paragraphs[1]);
        Assert.Contains(chapter.Blocks.OfType<Paragraph>().Last().Content, i => i is InlineCode { Code: ":smile:" });
    }

    [Fact]
    public void A_first_line_indent_typed_by_hand_is_removed_as_every_output_indents_already()
    {
        var (book, _) = Load("# 标题\n\n&emsp;&emsp;用全角空格实体缩进的段落。\n\n\u3000\u3000用表意空格缩进的段落。\n\n" +
            "&nbsp;&nbsp;&nbsp;&nbsp;**粗体**开头的段落。\n\n第一行<br>&emsp;&emsp;第二行自己缩进。\n\n正文&emsp;中间的空格留着。\n\n> &emsp;&emsp;引文里的段落。\n");
        var paragraphs = book.Chapters.Single().Blocks.OfType<Paragraph>().ToArray();
        Assert.Equal("用全角空格实体缩进的段落。", Inline.PlainText(paragraphs[0].Content));
        Assert.Equal("用表意空格缩进的段落。", Inline.PlainText(paragraphs[1].Content));
        Assert.IsType<Strong>(paragraphs[2].Content[0]);
        Assert.Equal("粗体开头的段落。", Inline.PlainText(paragraphs[2].Content));
        Assert.EndsWith("\u2003\u2003第二行自己缩进。", Inline.PlainText(paragraphs[3].Content), StringComparison.Ordinal);
        Assert.Equal("正文\u2003中间的空格留着。", Inline.PlainText(paragraphs[4].Content));
        var quoted = Assert.IsType<Paragraph>(Assert.Single(book.Chapters.Single().Blocks.OfType<BlockQuote>().Single().Blocks));
        Assert.Equal("引文里的段落。", Inline.PlainText(quoted.Content));
    }
}
