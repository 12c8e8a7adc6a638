using System.IO.Compression;
using System.Xml.Linq;
using GptBook.Model;
using GptBook.Tests.Epub;
using GptBook.Tests.Support;
using UglyToad.PdfPig.Content;

namespace GptBook.Tests.Books;

/// <summary>Text lines the author aligned in raw HTML (<see cref="RawHtmlEdgesBook.AlignedLines"/>), read back from every output.</summary>
public partial class RawHtmlEdgesBookTests
{
    [Fact]
    public void Aligned_html_around_text_is_aligned_paragraphs_and_headings_in_the_model()
    {
        var dump = ModelTextDump.Dump(Model(RawHtmlEdgesBook.AlignedLines));
        string[] Lines(string kind) => dump.Split('\n').Where(l => l.TrimStart().StartsWith(kind, StringComparison.Ordinal)).Select(l => l.Trim()[..l.Trim().IndexOf(" @", StringComparison.Ordinal)]).ToArray();
        // The poem, the signature, the author line, the Markdown between <div align="center"> and </div>, the plain paragraph.
        Assert.Equal(["Paragraph align=Center", "Paragraph align=Right", "Paragraph align=Center", "Paragraph align=Center", "Paragraph"], Lines("Paragraph"));
        Assert.Equal(["Heading 2 id=\"对齐的文字\"", "Heading 3 id=\"居中的小标题\" align=Center"], Lines("Heading"));
        // A figure in a centred div stays a figure; text after the closing </div> is not centred.
        var blocks = Model("<div align=\"center\">\n\n![图](a.png)\n\n居中\n\n</div>\n\n不居中\n").Chapters.Single().Blocks;
        Assert.IsType<Figure>(blocks[0]);
        Assert.Equal([BlockAlignment.Center, BlockAlignment.Default], blocks.OfType<Paragraph>().Select(p => p.Alignment));
    }

    /// <summary>A printed line: its text and where its first letter starts and its last ends.</summary>
    private sealed record PrintedLine(string Text, double Left, double Right, double Em);

    /// <summary>The page's letters grouped into lines by baseline, left to right.</summary>
    private static List<PrintedLine> LinesOf(Page page) =>
        page.Letters.Where(l => l.Value.Trim().Length > 0)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .Select(g => g.OrderBy(l => l.StartBaseLine.X).ToArray())
            .Select(ls => new PrintedLine(string.Concat(ls.Select(l => l.Value)), ls[0].StartBaseLine.X, ls[^1].EndBaseLine.X, ls[0].PointSize))
            .ToList();

    [Fact]
    public void Pdf_centres_and_right_aligns_the_lines_the_author_aligned_without_an_indent()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(book.Book.PdfPath);
        var checkedLines = 0;
        foreach (var page in pdf.GetPages())
        {
            var lines = LinesOf(page);
            if (!lines.Any(l => l.Text.Contains("作者：张三", StringComparison.Ordinal) || l.Text.Contains("床前明月光", StringComparison.Ordinal))) continue;
            // The measure on this page: where lines start at the left, and where justified lines ending in a Han
            // character end (a line ending in punctuation may hang half of it).
            var left = lines.Min(l => l.Left);
            var right = lines.Where(l => l.Text[^1] is >= '\u4E00' and <= '\u9FFF').Max(l => l.Right);
            PrintedLine Line(string start) => Assert.Single(lines, l => l.Text.StartsWith(start, StringComparison.Ordinal));
            void Centred(string start, double tolerance)
            {
                var line = Line(start);
                Assert.True(line.Left - left > 3 * line.Em, $"'{line.Text}' starts {line.Left - left:0.0} pt in: not centred");
                Assert.InRange(line.Left - left - (right - line.Right), -tolerance, tolerance);
                checkedLines++;
            }
            if (lines.Any(l => l.Text.StartsWith("床前明月光", StringComparison.Ordinal)))
            {
                // Each ends with a full-width stop, whose blank half may hang past the centred measure.
                Centred("床前明月光", 0.6 * Line("床前明月光").Em);
                Centred("举头望明月", 0.6 * Line("举头望明月").Em);
            }
            if (lines.Any(l => l.Text.StartsWith("——", StringComparison.Ordinal)))
            {
                var signature = Line("——");
                Assert.InRange(signature.Right, right - 0.1, right + 0.6 * signature.Em);
                checkedLines++;
            }
            if (lines.Any(l => l.Text.StartsWith("作者：张三", StringComparison.Ordinal))) Centred("作者：张三", 0.5);
            if (lines.Any(l => l.Text.StartsWith("居中的Markdown段落", StringComparison.Ordinal))) Centred("居中的Markdown段落", 0.5);
            if (lines.Any(l => l.Text.StartsWith("居中的小标题", StringComparison.Ordinal))) Centred("居中的小标题", 0.5);
            if (lines.FindIndex(l => l.Text.StartsWith("这是一个普通的段落", StringComparison.Ordinal)) is var plain and >= 0 && plain + 1 < lines.Count)
            {
                // Control: the plain paragraph beside them is indented two characters and justified.
                Assert.InRange(lines[plain].Left - left, 1.9 * lines[plain].Em, 2.1 * lines[plain].Em);
                Assert.InRange(lines[plain].Right, right - 0.1, right + 0.1);
            }
        }
        Assert.Equal(6, checkedLines);
    }

    [SkippableFact]
    public async Task Epub_and_site_show_the_aligned_lines_aligned_in_chromium_with_classes_not_inline_styles()
    {
        // The markup: a class of the book's stylesheet, no style attribute.
        var epub = book.EpubPageWith("作者：张三");
        var aligned = epub.Descendants().Where(e => ((string?)e.Attribute("class"))?.StartsWith("align-", StringComparison.Ordinal) == true).ToArray();
        Assert.Equal(["p align-center", "p align-right", "p align-center", "p align-center", "h3 align-center"],
            aligned.Select(e => e.Name.LocalName + " " + (string?)e.Attribute("class")));
        Assert.All(aligned, e => Assert.Null(e.Attribute("style")));
        Epubcheck.AssertValid(book.Book.EpubPath);

        // What a reader sees: the EPUB page with its stylesheet, and the site page at a phone's width.
        ExternalTool.Require("chromium");
        using var unpacked = new TempBookDirectory();
        ZipFile.ExtractToDirectory(book.Book.EpubPath, unpacked.Root);
        var epubFile = Directory.GetFiles(unpacked.Root, "*.xhtml", SearchOption.AllDirectories).Single(f => File.ReadAllText(f).Contains("作者：张三", StringComparison.Ordinal));
        var siteFile = Path.Combine(book.Book.SiteDirectory, Assert.Single(book.SitePages, p => p.Value.Contains("作者：张三", StringComparison.Ordinal)).Key);
        await using var browser = await Site.Browser.HeadlessChromium.LaunchAsync();
        foreach (var file in new[] { epubFile, siteFile })
        {
            await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
            await page.NavigateAsync(new Uri(file));
            await page.EvaluateAsync("document.fonts.ready.then(() => true)", awaitPromise: true);
            // For each block that holds the text: the space left and right of its text's lines, and its indent.
            var measured = (string)(await page.EvaluateAsync(Gaps))!;
            var gaps = measured.Split('\n').Select(l => l.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
            Assert.True(gaps.Length == 4, file + ": " + measured);
            foreach (var i in new[] { 0, 2, 3 })
            {
                Assert.True(gaps[i][0] > 20, $"{file}: line {i} starts {gaps[i][0]} px in: not centred ({measured})");
                Assert.InRange(gaps[i][0] - gaps[i][1], -2, 2);
                Assert.Equal(0, gaps[i][2]);
            }
            Assert.True(gaps[1][1] < 2 && gaps[1][0] > 100, $"{file}: the signature is not at the right ({measured})");
        }
    }

    /// <summary>
    /// For the poem's first line, the signature, the author line and the centred Markdown paragraph: the space
    /// between the block's content box and its first line on the left and on the right, and its text indent.
    /// </summary>
    private const string Gaps = """
        (() => ['床前明月光', '——', '作者：张三', '居中的'].map(start => {
          const block = [...document.querySelectorAll('p')].find(p => p.textContent.trim().startsWith(start));
          if (!block) return 'missing ' + start;
          const range = document.createRange();
          range.selectNodeContents(block);
          const rects = [...range.getClientRects()].filter(r => r.width > 0);
          const top = rects.reduce((a, r) => r.top < a.top ? r : a);
          const first = rects.filter(r => r.top < top.bottom - 1);
          const line = { left: Math.min(...first.map(r => r.left)), right: Math.max(...first.map(r => r.right)) };
          const box = block.getBoundingClientRect();
          const style = getComputedStyle(block);
          const inner = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
          return [line.left - inner[0], inner[1] - line.right, parseFloat(style.textIndent)].map(v => v.toFixed(1)).join(' ');
        }).join('\n'))()
        """;
}
