using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>
/// Math in Markdown as real books write it, read into the model: the dollar rules, display blocks, macros from
/// book.yml and chapters, numbering and references, and diagnostics at the formula's file:line:col.
/// </summary>
public class MathMarkdownTests
{
    private static (Book Book, DiagnosticBag Diagnostics) Load(string markdown, string? yml = null, string? second = null)
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/a.md", markdown);
        if (second != null) dir.Write("content/b.md", second);
        dir.Write("content/book.yml", "id: m\ntitle: M\nlanguage: zh-CN\nchapters: [a.md" + (second != null ? ", b.md" : "") + "]\n" + (yml ?? ""));
        return LoadedBook.From(dir.PathOf("content/book.yml"));
    }

    private static IReadOnlyList<Inline> FirstParagraph(Book book) =>
        book.Chapters[0].Blocks.OfType<Paragraph>().First().Content;

    private static string[] Sources(Book book) =>
        book.Chapters.SelectMany(c => c.Blocks).SelectMany(b => b.DescendantsAndSelf()).SelectMany(b => b switch
        {
            DisplayMath m => [m.Formula.Source],
            _ => b.InlineContent().SelectMany(l => l).SelectMany(i => i.DescendantsAndSelf()).OfType<InlineMath>().Select(i => i.Formula.Source),
        }).ToArray();

    [Theory]
    [InlineData("## 关于 $\\frac{a}{b}$\n", "\\frac{a}{b}", "")]
    [InlineData("## 括号 \\(\\hat{y}\\)\n", "\\hat{y}", "")]
    [InlineData("## 公式 $x^{2}$ {#eq-x}\n", "x^{2}", "eq-x")]
    [InlineData("## 价格 \\$5 与 $y_{t}$ {#price}\n", "y_{t}", "price")]
    [InlineData("## 价格 $5 {#price}\n", null, "price")]
    [InlineData("## 从 $5 到 $10 {#price}\n", null, "price")]
    public void A_heading_that_ends_in_a_formula_keeps_its_braces_and_an_id_after_the_formula_still_names_it(string markdown, string? formula, string id)
    {
        var (book, diagnostics) = Load(markdown);
        Assert.Empty(diagnostics.Items);
        var heading = Assert.Single(book.Chapters[0].Blocks.OfType<Heading>());
        // A money sign that nothing closes is no formula: its braces after it are the heading's attributes.
        Assert.Equal(formula == null ? [] : [formula], Sources(book));
        if (id.Length > 0) Assert.Equal(id, heading.Id);
        Assert.DoesNotContain("{", Inline.PlainText(heading.Content.Where(i => i is not InlineMath).ToList()));
    }

    [Fact]
    public void Dollars_without_spaces_between_chinese_are_two_formulas()
    {
        var (book, diagnostics) = Load("若$A$和$B$是集合，则$A\\cap B$为交集。\n");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(["A", "B", "A\\cap B"], Sources(book));
        Assert.Equal("若", Assert.IsType<Model.Text>(FirstParagraph(book)[0]).Value);
    }

    [Theory]
    [InlineData("售价 $5 and $10 两种。\n", "售价 $5 and $10 两种。")]
    [InlineData("价格是 \\$20 与 \\$30。\n", "价格是 $20 与 $30。")]
    [InlineData("结尾的 $ 不成对\n", "结尾的 $ 不成对")]
    [InlineData("美元 US$5 和 US$10\n", "美元 US$5 和 US$10")]
    public void Dollars_that_are_money_stay_text(string markdown, string text)
    {
        var (book, diagnostics) = Load(markdown);
        Assert.Empty(diagnostics.Items);
        Assert.Empty(Sources(book));
        Assert.Equal(text, Inline.PlainText(FirstParagraph(book)));
    }

    [Fact]
    public void A_dollar_in_code_is_code()
    {
        var (book, _) = Load("运行 `echo $HOME` 与 `$x$`，然后 $y$。\n\n```bash\necho $PATH $x$\n```\n");
        Assert.Equal(["y"], Sources(book));
        Assert.Contains(FirstParagraph(book), i => i is InlineCode { Code: "$x$" });
        Assert.Contains("$x$", Assert.IsType<CodeBlock>(book.Chapters[0].Blocks[1]).Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Parentheses_delimiters_and_references_in_text()
    {
        var (book, _) = Load("行内 \\(\\mathbf{H}_t\\) 公式。\n");
        var math = Assert.IsType<InlineMath>(FirstParagraph(book)[1]);
        Assert.Equal("\\mathbf{H}_t", math.Formula.Source);
        Assert.False(math.Formula.Display);
    }

    [Theory]
    [InlineData("$$\nE = mc^2\n$$\n")]
    [InlineData("$$ E = mc^2 $$\n")]
    [InlineData("$$E = mc^2$$\n")]
    [InlineData("\\[\nE = mc^2\n\\]\n")]
    [InlineData("\\[ E = mc^2 \\]\n")]
    [InlineData("公式如下：\n$$\nE = mc^2\n$$\n")]
    public void Display_math_on_its_own_lines_or_one_line_is_a_display_block(string markdown)
    {
        var (book, diagnostics) = Load(markdown);
        Assert.Empty(diagnostics.Items);
        var math = Assert.Single(book.Chapters[0].Blocks.OfType<DisplayMath>());
        Assert.Equal("E = mc^2", math.Formula.Source.Trim());
        Assert.True(math.Formula.Display);
        Assert.IsType<MathScripts>(((MathRow)math.Formula.Root).Items[^1]);
    }

    [Fact]
    public void Display_lines_that_look_like_markdown_stay_math()
    {
        var (book, diagnostics) = Load("$$\n\\begin{aligned}\na &= b \\\\\n- c &= d \\\\\n\n# e &= f\n\\end{aligned}\n$$\n后文。\n");
        Assert.Empty(diagnostics.Items);
        var math = Assert.IsType<DisplayMath>(book.Chapters[0].Blocks[0]);
        var table = Assert.IsType<MathTable>(math.Formula.Root);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("后文。", Inline.PlainText(Assert.IsType<Paragraph>(book.Chapters[0].Blocks[1]).Content));
    }

    [Fact]
    public void Book_macros_and_chapter_definitions_apply_to_later_formulas_of_the_chapter_only()
    {
        var (book, diagnostics) = Load(
            "定义 $\\newcommand{\\vx}{\\mathbf{x}}$ 后，$\\vx\\in\\R^n$。\n",
            "math:\n  macros:\n    \\R: \\mathbb{R}\n    '9bad': x\n",
            "下一章 $\\R$ 与 $\\vx$。\n");
        var d = Assert.Single(diagnostics.Items, x => x.Code == "GB0602");
        Assert.Equal("content/book.yml", d.Span.File);
        Assert.Equal("𝐱 ∈ ℝ^n", Inline.PlainText([FirstParagraph(book).OfType<InlineMath>().Last()]));
        var next = book.Chapters[1].Blocks.OfType<Paragraph>().First().Content.OfType<InlineMath>().ToArray();
        Assert.False(next[0].Formula.HasErrors);
        Assert.True(next[1].Formula.HasErrors);
        var unknown = Assert.Single(diagnostics.Items, x => x.Code == "GB0601");
        Assert.Equal("content/b.md:1:13", unknown.Span.ToString());
    }

    [Fact]
    public void A_repeated_formula_is_parsed_once_for_the_book_yet_under_the_macros_in_force_and_reported_at_each_place()
    {
        var (book, diagnostics) = Load(
            "$\\mathbf{H}_t$ 与 $\\foo$。定义 $\\newcommand{\\vx}{\\mathbf{x}}$ 后 $\\vx$。\n",
            second: "又见 $\\mathbf{H}_t$ 与 $\\foo$，而 $\\vx$ 未定义。\n");
        InlineMath[] Formulas(int chapter) => book.Chapters[chapter].Blocks.OfType<Paragraph>().First().Content.OfType<InlineMath>().ToArray();
        var (a, b) = (Formulas(0), Formulas(1));
        Assert.Same(a[0].Formula, b[0].Formula); // one parse of \mathbf{H}_t for both chapters
        Assert.False(a[3].Formula.HasErrors); // \vx after its definition
        Assert.True(b[2].Formula.HasErrors); // the same source under the book's macros only
        Assert.Equal(["content/a.md:1:19", "content/b.md:1:22", "content/b.md:1:31"], // \foo twice (one parse), \vx undefined
            diagnostics.Items.Where(d => d.Code == "GB0601").Select(d => d.Span.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Syntax_errors_point_at_the_command_inside_a_multi_line_display()
    {
        var (book, diagnostics) = Load("# 标题\n\n$$\na = b \\\\\n  \\foo{c}\n$$\n");
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal("GB0601", d.Code);
        Assert.Equal("content/a.md:5:3", d.Span.ToString());
        Assert.Contains("\\foo", d.Message, StringComparison.Ordinal);
        var math = Assert.Single(book.Chapters[0].Blocks.OfType<DisplayMath>());
        Assert.Contains("\\foo{c}", Assert.IsType<MathError>(math.Formula.Root).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_spacing_that_is_not_a_length_is_reported_where_it_is_and_the_formula_is_still_set()
    {
        var (book, diagnostics) = Load("# 标题\n\n$$\n\\begin{cases}\n1, & x > 0 \\\\[abc]\n0, & x \\le 0 \\\\[2ex]\n-1, & \\text{否则}\n\\end{cases}\n$$\n");
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal("GB0605", d.Code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("content/a.md:5:14", d.Span.ToString()); // the [ of [abc]
        Assert.Contains("[abc]", d.Message, StringComparison.Ordinal);
        var formula = Assert.Single(book.Chapters[0].Blocks.OfType<DisplayMath>()).Formula;
        Assert.False(formula.HasErrors); // set, not shown as its source
        var table = Assert.IsType<MathTable>(formula.Root);
        Assert.Equal(3, table.Rows.Count);
        Assert.Null(table.Rows[0].SpaceBelow); // ignored
        Assert.Equal(new MathLength(2, MathLengthUnit.XHeight, "2ex"), table.Rows[1].SpaceBelow);
    }

    [Fact]
    public void An_hline_inside_a_row_is_a_warning_at_its_place_and_the_rules_at_row_starts_are_kept()
    {
        var (book, diagnostics) = Load("$$\n\\begin{array}{c|c}\n\\hline\na & b \\\\ \\hline\nc & d \\hline\n\\end{array}\n$$\n");
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(("GB0605", DiagnosticSeverity.Warning, "content/a.md:5:7"), (d.Code, d.Severity, d.Span.ToString()));
        Assert.Contains("\\hline inside a row", d.Message, StringComparison.Ordinal);
        var table = (MathTable)Assert.Single(book.Chapters[0].Blocks.OfType<DisplayMath>()).Formula.Root.DescendantsAndSelf().First(n => n is MathTable);
        Assert.Equal([0, 1], table.RowRules);
    }

    [Fact]
    public void Equations_are_numbered_per_chapter_and_references_resolve_across_chapters()
    {
        var (book, diagnostics) = Load(
            "$$\n\\begin{equation} a = 1 \\label{eq:a} \\end{equation}\n$$\n\n$$\n\\begin{align} b &= 2 \\\\ c &= 3 \\label{eq:c} \\end{align}\n$$\n\n$$ d = 4 \\tag{*} $$\n",
            null,
            "见 \\eqref{eq:c} 与 $\\ref{eq:a}$，以及 \\eqref{eq:none}。\n\n$$ e = 5 \\label{eq:a} $$\n");
        var first = book.Chapters[0].Blocks.OfType<DisplayMath>().ToArray();
        Assert.Equal(["(1.1)"], first[0].Formula.Numbers.Select(n => n.Display));
        Assert.Equal("eq-a", first[0].Formula.Numbers[0].Id);
        Assert.Equal(["(1.2)", "(1.3)"], first[1].Formula.Numbers.Select(n => n.Display));
        Assert.Equal(["(*)"], first[2].Formula.Numbers.Select(n => n.Display));
        var refs = book.Chapters[1].Blocks.OfType<Paragraph>().First().Content.OfType<InlineMath>()
            .Select(i => Assert.IsType<MathReference>(i.Formula.Root)).ToArray();
        Assert.Equal([("1.3", "eq-c"), ("1.1", "eq-a"), (null, null)], refs.Select(r => (r.Number, r.TargetId)));
        Assert.Single(diagnostics.Items, x => x.Code == "GB0604");
        var duplicate = Assert.Single(diagnostics.Items, x => x.Code == "GB0603");
        Assert.Equal("content/b.md", duplicate.Span.File);
        Assert.Equal("(2.1)", book.Chapters[1].Blocks.OfType<DisplayMath>().Single().Formula.Numbers[0].Display);
    }

    [Fact]
    public void Equations_take_the_chapter_number_the_titles_state_and_a_preface_is_outside_it()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/README.md", "# 前言\n\n$$\n\\begin{equation} p = 0 \\end{equation}\n$$\n");
        dir.Write("content/2-1.md", "# 2.1 基本思想\n\n$$\n\\begin{equation} b = 2 \\label{eq:b} \\end{equation}\n$$\n");
        dir.Write("content/2-2.md", "## 2.2 验证\n\n见 \\eqref{eq:b}。\n\n$$\n\\begin{equation} c = 3 \\end{equation}\n$$\n");
        dir.Write("content/ch3.md", "# 第三章 采样\n\n$$\n\\begin{equation} d = 4 \\end{equation}\n$$\n");
        dir.Write("content/book.yml", "id: m\ntitle: M\nlanguage: zh-CN\nchapters: [README.md, 2-1.md, 2-2.md, ch3.md]\n");
        var (book, _) = LoadedBook.From(dir.PathOf("content/book.yml"));
        string[] Numbers(int chapter) => book.Chapters[chapter].Blocks.OfType<DisplayMath>().SelectMany(m => m.Formula.Numbers).Select(n => n.Display ?? "").ToArray();
        Assert.Equal(["(1)"], Numbers(0));
        Assert.Equal(["(2.1)"], Numbers(1));
        Assert.Equal(["(2.2)"], Numbers(2)); // the same chapter, kept in another file, numbers on
        Assert.Equal(["(3.1)"], Numbers(3));
        var reference = Assert.IsType<MathReference>(book.Chapters[2].Blocks.OfType<Paragraph>().First().Content.OfType<InlineMath>().Single().Formula.Root);
        Assert.Equal("2.1", reference.Number);
    }

    [Fact]
    public void Text_after_a_closing_delimiter_is_kept()
    {
        var (book, _) = Load("$$\nx = 1\n$$。后面的文字\n");
        Assert.IsType<DisplayMath>(book.Chapters[0].Blocks[0]);
        Assert.Equal("。后面的文字", Inline.PlainText(Assert.IsType<Paragraph>(book.Chapters[0].Blocks[1]).Content));
    }
}
