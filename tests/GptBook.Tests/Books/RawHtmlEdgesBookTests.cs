using System.IO.Compression;
using System.Xml.Linq;
using GptBook.Model;
using GptBook.Tests.Epub;
using GptBook.Tests.Support;

namespace GptBook.Tests.Books;

/// <summary>
/// A small book written as docsify and VuePress books write raw HTML (math inside HTML for MathJax or KaTeX, formulas
/// followed by Chinese punctuation, anchors on lines of their own, double line breaks in table cells), built once
/// to all three formats and read back.
/// </summary>
public sealed class RawHtmlEdgesBook : IDisposable
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    public const string Chapter = """
        # 第一章 HTML 里的公式

        <table><tr><td>$x^2$</td><td>$\alpha$ 是学习率</td></tr></table>

        <div align="center">$E=mc^2$</div>

        <p>当 $n$ 趋于无穷时，价格从 $5 and $10 不等，写作 \$3。</p>

        <p>代码 <code>$HOME$</code> 与 <kbd>$y$</kbd> 原样保留。</p>

        <div>$$\sum_{i=1}^{n} i$$</div>

        ## 公式与标点

        模型的参数有 $\mu$、$\sigma$ 和 $\lambda$，其中（$\theta$）是权重。

        """;

    /// <summary>
    /// Forty formulas each followed by "、", behind fillers of varying length, so that at a phone's width some fall
    /// at the end of a line: where a browser may break between a formula and its punctuation, it does somewhere here.
    /// </summary>
    public static readonly string ManyFormulas =
        string.Concat(Enumerable.Range(0, 40).Select(k => "第" + new string('项', k % 7) + $"个 $w_{{{k}}}$、")) + "等等。";

    /// <summary>Two anchor lines in a row before a heading, a list and a paragraph; a table cell with a double break.</summary>
    public const string AnchorsAndBreaks = """
        ## 锚点

        见[旧名](#old-name)、[新名](#new-name)、[列表甲](#list-a)、[列表乙](#list-b)、[段落甲](#para-a)和[段落乙](#para-b)。

        <a name="old-name"></a>
        <a id="new-name"></a>
        ## 两个锚点的标题

        <a name="list-a"></a>
        <a id="list-b"></a>
        - 列表的第一项
        - 列表的第二项

        <a name="para-a"></a>

        <a id="para-b"></a>

        这是被两个锚点命名的段落。

        | 列 | 说明 |
        |---|---|
        | 甲 | 上行<br><br>下行 |
        | 乙 | 左行<br>右行 |

        """;

    /// <summary>Text lines aligned in raw HTML, as GitHub books write title, author and poem lines, beside a plain paragraph.</summary>
    public const string AlignedLines = """
        ## 对齐的文字

        <p align="center">床前明月光，疑是地上霜。<br>举头望明月，低头思故乡。</p>

        <div align="right">—— 李白《静夜思》</div>

        <center>作者：张三</center>

        <div align="center">

        **居中的 Markdown 段落**

        </div>

        <h3 align="center">居中的小标题</h3>

        这是一个普通的段落两端对齐首行缩进两个字这是一个普通的段落两端对齐首行缩进两个字这是一个普通的段落两端对齐首行缩进两个字这是一个普通的段落两端对齐首行缩进两个字。

        """;

    public static string Markdown => Chapter + ManyFormulas + "\n\n" + AnchorsAndBreaks + "\n" + AlignedLines;

    public RawHtmlEdgesBook()
    {
        Book = new PublishedBook("raw-html-edges", new Dictionary<string, byte[]>
        {
            ["book.yml"] = PublishedBook.Utf8("id: raw-html-edges\ntitle: 原始 HTML\nlanguage: zh-CN\nauthors:\n  - 测试\ndate: 2026-12-01\nchapters:\n  - ch1.md\n"),
            ["ch1.md"] = PublishedBook.Utf8(Markdown),
        }, "book.yml");
        using var zip = ZipFile.OpenRead(Book.EpubPath);
        EpubPages = zip.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal) && !e.FullName.EndsWith("nav.xhtml", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, e => { using var reader = new StreamReader(e.Open()); return reader.ReadToEnd(); });
        // The reading pages, not the search page (which indexes their text).
        SitePages = Directory.GetFiles(Book.SiteDirectory, "*.html").Where(f => Path.GetFileName(f) != "search.html").ToDictionary(Path.GetFileName, File.ReadAllText)!;
        PdfText = ExternalTool.Find("pdftotext") is { } pdftotext ? ExternalTool.Run(pdftotext, ["-enc", "UTF-8", Book.PdfPath, "-"]).StdOut : null;
    }

    public PublishedBook Book { get; }
    public IReadOnlyDictionary<string, string> EpubPages { get; }
    public IReadOnlyDictionary<string, string> SitePages { get; }
    public string? PdfText { get; }

    /// <summary>The EPUB page that holds <paramref name="text"/>, as XML.</summary>
    public XDocument EpubPageWith(string text) => XDocument.Parse(Assert.Single(EpubPages.Values, p => p.Contains(text, StringComparison.Ordinal)));

    /// <summary>The site page that holds <paramref name="text"/>, parsed as browsers parse it.</summary>
    public AngleSharp.Dom.IDocument SitePageWith(string text) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Assert.Single(SitePages.Values, p => p.Contains(text, StringComparison.Ordinal)));

    public static IEnumerable<XElement> MathIn(XDocument page) => page.Descendants().Where(e => e.Name.LocalName == "math");

    public static XNamespace Xhtml => X;

    public void Dispose() => Book.Dispose();
}

public partial class RawHtmlEdgesBookTests(RawHtmlEdgesBook book) : IClassFixture<RawHtmlEdgesBook>
{
    private static Book Model(string markdown)
    {
        using var dir = new TempBookDirectory();
        dir.Write("ch.md", markdown);
        return LoadedBook.From(dir.PathOf("ch.md")).Book;
    }

    private static InlineMath[] InlineFormulas(IEnumerable<Block> blocks) =>
        blocks.SelectMany(b => b.DescendantsAndSelf()).SelectMany(b => b.InlineContent()).SelectMany(l => l)
            .SelectMany(i => i.DescendantsAndSelf()).OfType<InlineMath>().ToArray();

    [Fact]
    public void Math_in_the_text_of_raw_html_is_the_same_math_node_as_in_markdown()
    {
        var blocks = Model(RawHtmlEdgesBook.Chapter).Chapters.Single().Blocks;
        var inline = InlineFormulas(blocks);
        Assert.Equal(["x^2", "\\alpha", "E=mc^2", "n", "\\mu", "\\sigma", "\\lambda", "\\theta"], inline.Select(m => m.Formula.Source));
        Assert.All(inline, m => Assert.False(m.Formula.HasErrors));
        // The same formula written in Markdown parses to the same tree.
        var markdown = InlineFormulas(Model("当 $n$ 时，$\\alpha$ 是学习率\n").Chapters.Single().Blocks);
        Assert.Equal(markdown[1].Formula.Root, inline[1].Formula.Root);
        // "$$…$$" alone in a div is display math.
        var display = Assert.Single(blocks.OfType<DisplayMath>());
        Assert.Equal("\\sum_{i=1}^{n} i", display.Formula.Source);
        // Pandoc's rules: "$5 and $10" is no math, "\$" a dollar; code and kbd keep their dollars.
        var prose = Assert.Single(blocks.OfType<Paragraph>(), p => Inline.PlainText(p.Content).Contains("趋于无穷", StringComparison.Ordinal));
        Assert.EndsWith("价格从 $5 and $10 不等，写作 $3。", Inline.PlainText(prose.Content), StringComparison.Ordinal);
        var code = Assert.Single(blocks.OfType<Paragraph>(), p => Inline.PlainText(p.Content).StartsWith("代码", StringComparison.Ordinal));
        Assert.Equal("$HOME$", Assert.Single(code.Content.OfType<InlineCode>()).Code);
        Assert.Equal("$y$", Inline.PlainText(Assert.Single(code.Content.OfType<MarkedText>()).Content));
    }

    [Fact]
    public void A_broken_formula_in_raw_html_is_reported_where_it_was_written()
    {
        using var dir = new TempBookDirectory();
        dir.Write("ch.md", "# 标题\n\n<p>\n甲 $\\frac{a$ 乙\n</p>\n");
        var (_, diagnostics) = LoadedBook.From(dir.PathOf("ch.md"));
        var errors = diagnostics.Items.Where(d => d.Code == "GB0601").ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("ch.md:4:3", $"{Path.GetFileName(e.Span.File)}:{e.Span.Line}:{e.Span.Column}"));
    }

    [SkippableFact]
    public void Every_output_shows_math_in_raw_html_as_math_not_as_tex()
    {
        // EPUB: the formulas are MathML with their TeX as alttext; no dollar-delimited TeX is left in the text.
        var epub = book.EpubPageWith("是学习率");
        Assert.Equal(["x^2", "\\alpha", "E=mc^2", "n", "\\sum_{i=1}^{n} i"], RawHtmlEdgesBook.MathIn(epub).Select(m => (string?)m.Attribute("alttext")).Take(5));
        var epubText = string.Concat(epub.Descendants().Where(e => e.Name.LocalName != "math" && e.Ancestors().All(a => a.Name.LocalName != "math")).SelectMany(e => e.Nodes().OfType<XText>()).Select(t => t.Value));
        Assert.DoesNotContain("$x^2$", epubText, StringComparison.Ordinal);
        Assert.DoesNotContain("\\alpha", epubText, StringComparison.Ordinal);
        Assert.Contains("$5 and $10", epubText, StringComparison.Ordinal);

        // Site: the same.
        var site = book.SitePageWith("是学习率");
        Assert.Equal(["x^2", "\\alpha", "E=mc^2", "n", "\\sum_{i=1}^{n} i"], site.QuerySelectorAll("math").Select(m => m.GetAttribute("alttext")).Take(5));
        Assert.DoesNotContain("$E=mc^2$", site.Body!.TextContent, StringComparison.Ordinal);

        // PDF: typeset, not printed as source.
        ExternalTool.Require("pdftotext");
        Assert.DoesNotContain("$x^2$", book.PdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("\\alpha", book.PdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("E=mc^2$", book.PdfText, StringComparison.Ordinal);
        Assert.Contains("𝛼 是学习率", book.PdfText, StringComparison.Ordinal);
        Assert.Contains("$5 and $10", book.PdfText, StringComparison.Ordinal);
        Assert.Contains("$HOME$", book.PdfText, StringComparison.Ordinal);
    }

    /// <summary>What an element shows around its formulas: its text with each math element written as "[TeX]".</summary>
    private static string Shown(XElement element) => string.Concat(element.Nodes().Select(n => n switch
    {
        XText t => t.Value,
        XElement { Name.LocalName: "math" } m => "[" + (string?)m.Attribute("alttext") + "]",
        XElement e => Shown(e),
        _ => "",
    }));

    private static string Shown(AngleSharp.Dom.IElement element) => string.Concat(element.ChildNodes.Select(n => n switch
    {
        AngleSharp.Dom.IText t => t.Data,
        AngleSharp.Dom.IElement { LocalName: "math" } m => "[" + m.GetAttribute("alttext") + "]",
        AngleSharp.Dom.IElement e => Shown(e),
        _ => "",
    }));

    [SkippableFact]
    public void An_inline_formula_is_bound_to_the_punctuation_around_it_in_the_epub_and_on_the_site()
    {
        var epub = book.EpubPageWith("是权重");
        var epubBound = epub.Descendants(RawHtmlEdgesBook.Xhtml + "span").Where(s => (string?)s.Attribute("class") == "nobr").Select(Shown).ToArray();
        var site = book.SitePageWith("是权重");
        var siteBound = site.QuerySelectorAll("span.nobr").Select(Shown).ToArray();
        foreach (var bound in new[] { epubBound, siteBound })
        {
            Assert.Contains("[\\mu]、", bound);
            Assert.Contains("[\\lambda]，", bound);
            Assert.Contains("（[\\theta]）", bound);
            Assert.Contains("[w_{39}]、", bound);
            // A formula followed by a space and a word is left free: nothing to keep together.
            Assert.DoesNotContain(bound, b => b.Contains("\\sigma", StringComparison.Ordinal));
        }
        // The paragraph reads as written: the spans add no character.
        Assert.Contains("模型的参数有 [\\mu]、[\\sigma] 和 [\\lambda]，其中（[\\theta]）是权重。",
            string.Join("\n", epub.Descendants(RawHtmlEdgesBook.Xhtml + "p").Select(Shown)), StringComparison.Ordinal);
        Epubcheck.AssertValid(book.Book.EpubPath);
    }

    /// <summary>How many formulas in the page's paragraphs have the punctuation after them on a later line.</summary>
    private const string PunctuationStartingALine = """
        (() => {
          let split = 0;
          for (const math of document.querySelectorAll('p math')) {
            const next = math.nextSibling;
            if (!next || next.nodeType !== Node.TEXT_NODE || !/^[、，。；）]/.test(next.data)) continue;
            const range = document.createRange();
            range.setStart(next, 0);
            range.setEnd(next, 1);
            if (range.getBoundingClientRect().top >= math.getBoundingClientRect().bottom - 1) split++;
          }
          return split;
        })()
        """;

    [SkippableFact]
    public async Task At_a_phones_width_chromium_never_starts_a_line_with_the_punctuation_after_a_formula()
    {
        ExternalTool.Require("chromium");
        var file = Assert.Single(book.SitePages, p => p.Value.Contains("等等。", StringComparison.Ordinal)).Key;
        await using var browser = await Site.Browser.HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
        await page.NavigateAsync(new Uri(Path.Combine(book.Book.SiteDirectory, file)));
        await page.EvaluateAsync("document.fonts.ready.then(() => true)", awaitPromise: true);
        Assert.Equal(0, (double)(await page.EvaluateAsync(PunctuationStartingALine))!);

        // The same page with the binding undone: Chromium then does start a line with "、" somewhere in the
        // paragraph of forty formulas, so the count above was taken where it matters.
        await page.EvaluateAsync("document.querySelectorAll('.nobr').forEach(s => s.style.whiteSpace = 'normal')");
        Assert.True((double)(await page.EvaluateAsync(PunctuationStartingALine))! > 0, "no formula fell at a line's end: the paragraph tests nothing");
    }

    public static TheoryData<string, string, string> TwoAnchors => new()
    {
        // the anchor, the link's text, the text the block starts with
        { "old-name", "旧名", "两个锚点的标题" },
        { "new-name", "新名", "两个锚点的标题" },
        { "list-a", "列表甲", "列表的第一项" },
        { "list-b", "列表乙", "列表的第一项" },
        { "para-a", "段落甲", "这是被两个锚点命名的段落" },
        { "para-b", "段落乙", "这是被两个锚点命名的段落" },
    };

    [Theory]
    [MemberData(nameof(TwoAnchors))]
    public void Both_of_two_anchor_lines_in_a_row_name_the_block_after_them_in_every_output(string id, string linkText, string start)
    {
        Assert.DoesNotContain(book.Book.Diagnostics, d => d.Code == "GB0111");

        // EPUB: the id is on the block, or on an empty element among those right before it, or at the paragraph's start.
        var page = book.EpubPageWith(start);
        var target = Assert.Single(page.Descendants(), e => (string?)e.Attribute("id") == id);
        var block = target.Parent!.Name.LocalName == "p" ? target.Parent
            : target.Value.Length > 0 ? target : target.ElementsAfterSelf().First(e => e.Value.Length > 0);
        Assert.StartsWith(start, block.Value, StringComparison.Ordinal);
        var link = Assert.Single(book.EpubPages.Values.SelectMany(p => XDocument.Parse(p).Descendants(RawHtmlEdgesBook.Xhtml + "a")), a => a.Value == linkText);
        // A heading that opens its file is linked to as the file alone.
        var href = (string)link.Attribute("href")!;
        Assert.True(href.EndsWith("#" + id, StringComparison.Ordinal) || (target.Name.LocalName == "h2" && !href.Contains('#', StringComparison.Ordinal)), href);

        // Site: the same id before the same block, and the link names it.
        var site = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Assert.Single(book.SitePages.Values, p => p.Contains($"id=\"{id}\"", StringComparison.Ordinal)));
        var element = site.GetElementById(id);
        Assert.NotNull(element);
        var siteBlock = element.ParentElement!.LocalName == "p" ? element.ParentElement : element.TextContent.Length > 0 ? element : NextWithText(element);
        Assert.StartsWith(start, siteBlock.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(book.SitePages.Values, p => p.Contains($"#{id}\">{linkText}</a>", StringComparison.Ordinal)
                                                  || (element.LocalName == "h2" && p.Contains($"\">{linkText}</a>", StringComparison.Ordinal)));

        // PDF: the link goes to the block's first line.
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(book.Book.PdfPath);
        var pages = pdf.GetPages().ToArray();
        var (from, at) = pages.Select(p => (Page: p, At: TextAt(p, linkText))).First(x => x.At != null);
        var annotation = Assert.Single(from.GetAnnotations(), a => a.Rectangle.Left <= at!.Value.X && at.Value.X <= a.Rectangle.Right
                                                                   && a.Rectangle.Bottom <= at.Value.Y && at.Value.Y <= a.Rectangle.Top);
        var destination = Assert.IsType<UglyToad.PdfPig.Actions.GoToAction>(annotation.Action).Destination;
        var first = TextAt(pages[destination.PageNumber - 1], start);
        Assert.NotNull(first);
        Assert.InRange(Assert.NotNull(destination.Coordinates.Top) - first.Value.Y, 0, 30);
    }

    private static AngleSharp.Dom.IElement NextWithText(AngleSharp.Dom.IElement element)
    {
        var next = element.NextElementSibling;
        while (next != null && next.TextContent.Trim().Length == 0) next = next.NextElementSibling;
        return next ?? element;
    }

    /// <summary>The middle of the first letter of <paramref name="text"/> on the page (the letters in a row), or null.</summary>
    private static (double X, double Y)? TextAt(UglyToad.PdfPig.Content.Page page, string text)
    {
        var letters = page.Letters.Where(l => l.Value.Trim().Length > 0).ToArray();
        for (var i = 0; i + text.Length <= letters.Length; i++)
        {
            if (!Enumerable.Range(0, text.Length).All(k => letters[i + k].Value == text[k].ToString())) continue;
            var r = letters[i].GlyphRectangle;
            return ((r.Left + r.Right) / 2, (r.Bottom + r.Top) / 2);
        }
        return null;
    }

    [Fact]
    public void Two_breaks_in_a_pdf_table_cell_leave_an_empty_line_between_as_in_a_browser()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(book.Book.PdfPath);
        var page = pdf.GetPages().Single(p => TextAt(p, "上行") != null);
        double Baseline(string text) => Assert.NotNull(TextAt(page, text)).Y;
        var single = Baseline("左行") - Baseline("右行");
        var twice = Baseline("上行") - Baseline("下行");
        Assert.True(single > 0);
        Assert.InRange(twice / single, 1.9, 2.1);
        // The EPUB keeps both breaks.
        Assert.Contains("上行<br /><br />下行", string.Concat(book.EpubPages.Values).Replace("<br/>", "<br />", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
