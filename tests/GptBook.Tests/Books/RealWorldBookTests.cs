using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GptBook.Diagnostics;
using GptBook.Tests.Epub;
using GptBook.Tests.Support;

namespace GptBook.Tests.Books;

/// <summary>tests/books/real-world, copied to a temporary root and built once to all three formats, shared by the tests below.</summary>
public sealed class RealWorldBook : IDisposable
{
    public static readonly string Source = Path.Combine(RepositoryPaths.Root, "tests", "books", "real-world");
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    public RealWorldBook()
    {
        var files = Directory.GetFiles(Source, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Source, f).Replace('\\', '/'), File.ReadAllBytes);
        Book = new PublishedBook("real-world", files, "book.yml");
        using var zip = ZipFile.OpenRead(Book.EpubPath);
        Pages = zip.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal) && !e.FullName.EndsWith("nav.xhtml", StringComparison.Ordinal)
                                       && !e.FullName.EndsWith("cover.xhtml", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        Navigation = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("nav.xhtml", StringComparison.Ordinal)).Open()).ReadToEnd();
        Elements = Pages.Values.SelectMany(p => XDocument.Parse(p).Descendants()).ToArray();
        PdfText = ExternalTool.Find("pdftotext") is { } pdftotext ? ExternalTool.Run(pdftotext, ["-enc", "UTF-8", Book.PdfPath, "-"]).StdOut : null;
    }

    public PublishedBook Book { get; }

    /// <summary>The EPUB's chapter documents (not the navigation document or the cover), by name.</summary>
    public IReadOnlyDictionary<string, string> Pages { get; }

    public IReadOnlyList<XElement> Elements { get; }

    public string Navigation { get; }

    /// <summary>The PDF's text as pdftotext reads it; null when poppler is not installed.</summary>
    public string? PdfText { get; }

    public string AllPages => string.Concat(Pages.Values);

    public IEnumerable<XElement> Named(string name) => Elements.Where(e => e.Name == X + name);

    public static bool HasClass(XElement e, string name) => (e.Attribute("class")?.Value ?? "").Split(' ').Contains(name);

    public void Dispose() => Book.Dispose();
}

/// <summary>
/// A book written like the Chinese LLM tutorials on GitHub and docsify (HTML figures with ../images paths, inline
/// icons, an SVG carrying a PNG, tables followed by text, alerts, emoji in headings, 𠮷, code in five languages,
/// images with option lines, remote images mapped and not): every output valid, every picture in every output,
/// nothing printed as source.
/// </summary>
public partial class RealWorldBookTests(RealWorldBook book) : IClassFixture<RealWorldBook>
{
    private const string RemoteImage = "https://example.org/llm-book/images/2-3.png";

    [Fact]
    public void It_builds_with_one_warning_for_the_remote_image_at_its_place()
    {
        var problems = book.Book.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToArray();
        var remote = Assert.Single(problems);
        Assert.Equal("GB0202", remote.Code);
        Assert.Contains(RemoteImage, remote.Message);
        // file:line:col of the <img> inside its <div>, read from the source itself
        var lines = File.ReadAllLines(Path.Combine(RealWorldBook.Source, "docs", "chapter2.md"));
        var line = Array.FindIndex(lines, l => l.Contains(RemoteImage, StringComparison.Ordinal));
        Assert.EndsWith($"docs/chapter2.md:{line + 1}:{lines[line].IndexOf("<img", StringComparison.Ordinal) + 1}", remote.Span.ToString());
    }

    [SkippableFact]
    public void The_epub_passes_epubcheck() => Epubcheck.AssertValid(book.Book.EpubPath);

    [SkippableFact]
    public void The_pdf_passes_qpdf()
    {
        ExternalTool.Require("qpdf");
        var result = ExternalTool.Run("qpdf", ["--check", book.Book.PdfPath]);
        Assert.True(result.ExitCode == 0 && !result.Output.Contains("WARNING", StringComparison.Ordinal), result.Output);
    }

    /// <summary>
    /// Every picture of the EPUB (figures and pictures in running text, raster or SVG; not the placeholder of the
    /// remote one) is a Figure of the PDF's structure tree, besides the remote image's placeholder, and the PDF draws
    /// one raster image per raster picture plus one per bitmap inside an SVG.
    /// </summary>
    [SkippableFact]
    public void The_pdf_has_every_picture_the_epub_has()
    {
        var placeholders = book.Named("figure").Count(f => f.Descendants().Any(e => RealWorldBook.HasClass(e, "image-placeholder")));
        Assert.Equal(1, placeholders);
        var pictures = book.Elements
            .Where(e => (e.Name.LocalName is "img" or "svg") && (RealWorldBook.HasClass(e, "figure-image") || RealWorldBook.HasClass(e, "inline-image")))
            .Where(e => e.Parent!.Elements().All(s => !RealWorldBook.HasClass(s, "image-placeholder")))
            .ToArray();
        var rasters = pictures.Count(p => p.Name.LocalName == "img");
        var svgBitmaps = pictures.Where(p => p.Name.LocalName == "svg").SelectMany(p => p.Descendants()).Count(e => e.Name.LocalName == "image");
        // 2.1 three times (once as 2.4), the loss curve four times (inline, as 1.2, mapped from its remote address,
        // 2.2), the training curve (a Windows path with a space), the Python icon twice (in a note and in a table
        // cell), the SVG
        Assert.Equal(11, pictures.Length);
        Assert.Equal(1, svgBitmaps);
        Assert.Equal(pictures.Length + placeholders, PdfStructureTree.Count(book.Book.PdfPath, "/Figure"));

        ExternalTool.Require("pdfimages");
        var listing = ExternalTool.Run("pdfimages", ["-list", book.Book.PdfPath]).StdOut;
        var drawn = listing.Split('\n').Count(line => ImageRow().IsMatch(line));
        Assert.Equal(rasters + svgBitmaps, drawn);
    }

    [SkippableFact]
    public void Emoji_and_extension_b_are_printed_as_text()
    {
        var text = PdfText();
        Assert.Contains("𠮷", text);
        Assert.Contains("第一章 🚀 大模型简介", text);
        Assert.Contains("✨", text);
        Assert.Contains("🧠", text);
        Assert.DoesNotContain(book.Book.Diagnostics, d => d.Code == "GB0303");
    }

    [SkippableFact]
    public void Nothing_is_printed_as_source()
    {
        var text = PdfText();
        foreach (var source in new[] { "[!NOTE]", "sidebar", "{#chapter-1}", ":width:", ":align:", "| ---", "| GPT", "<div", "<img", "![", "](" })
        {
            Assert.DoesNotContain(source, text);
            Assert.DoesNotContain(source, string.Concat(book.Named("body").Select(b => b.Value)));
        }
        // A table followed by a line is one table with that line as its last row, in both outputs.
        Assert.Contains(book.Named("td"), td => td.Value == "GPT-3 及以后的数据见下一章。");
        Assert.DoesNotContain(book.Named("p"), p => p.Value.Contains('|'));
        Assert.Matches(@"GPT-2\s+15 亿\s+2019\s+GPT-3 及以后的数据见下一章。", text); // the row, set as the table's last
    }

    /// <summary>The author's "图2.1" is the figure's only number; the figures without such a label are numbered 1, 2, 3.</summary>
    [SkippableFact]
    public void A_caption_with_the_authors_label_gets_no_second_number()
    {
        var captions = book.Named("figcaption").ToArray();
        var labelled = captions.Where(c => Regex.IsMatch(c.Value, @"^图\s*2\.\d")).ToArray();
        Assert.Equal(["图2.1 全连接神经网络", "图2.2 学习率过大时的损失", "图2.4 注意力的计算流程", "图2.3 多头注意力"], labelled.Select(c => Regex.Replace(c.Value, @"图\s*", "图")));
        Assert.All(labelled, c => Assert.DoesNotContain(c.Descendants(), e => RealWorldBook.HasClass(e, "figure-label")));
        Assert.Equal(["图 1", "图 2", "图 3"], captions.SelectMany(c => c.Descendants()).Where(e => RealWorldBook.HasClass(e, "figure-label")).Select(e => e.Value));

        var text = PdfText();
        Assert.Contains("图2.1 全连接神经网络", text);
        Assert.DoesNotMatch(@"图\s*\d+\s*图\s*2\.\d", text);
    }

    /// <summary>A line with the author's label under a picture (a Markdown paragraph, a centred &lt;p&gt;) is its caption, shown once.</summary>
    [SkippableFact]
    public void A_caption_line_under_a_picture_is_its_caption_shown_once()
    {
        foreach (var caption in new[] { "图2.4 注意力的计算流程", "图 1.2 训练损失曲线" })
        {
            Assert.Contains(book.Named("figcaption"), c => c.Value == caption);
            Assert.DoesNotContain(book.Named("p"), p => p.Value == caption);
        }
        Assert.DoesNotContain(book.Named("figcaption"), c => c.Value.Contains("注意力示意图", StringComparison.Ordinal)); // the alt text is no caption
        var text = PdfText();
        Assert.Single(Regex.Matches(text, "图2.4 注意力的计算流程"));
        Assert.Single(Regex.Matches(text, @"图 1\.2 训练损失曲线"));
        Assert.DoesNotContain("注意力示意图", text);
    }

    /// <summary>The remote image that is not mapped keeps its place: a visible placeholder with its caption, in every output.</summary>
    [SkippableFact]
    public void The_remote_image_keeps_a_placeholder_with_its_caption_everywhere()
    {
        var figure = Assert.Single(book.Named("figure"), f => f.Descendants().Any(e => RealWorldBook.HasClass(e, "image-placeholder")));
        Assert.Contains("图片缺失", figure.Value);
        Assert.Equal("图2.3 多头注意力", Regex.Replace(figure.Elements().Single(e => e.Name.LocalName == "figcaption").Value, @"图\s*", "图"));

        var site = Directory.GetFiles(book.Book.SiteDirectory, "*.html").Select(File.ReadAllText);
        Assert.Contains(site, page => Regex.IsMatch(page, @"<figure[^>]*>(?:(?!</figure>).)*image-placeholder(?:(?!</figure>).)*多头注意力</figcaption>", RegexOptions.Singleline));

        var text = PdfText();
        var caption = text.IndexOf("图2.3 多头注意力", StringComparison.Ordinal);
        Assert.True(caption > 0, "the placeholder's caption is not in the PDF");
        // the placeholder box's words, right above its caption
        Assert.Matches("图片缺失|2-3\\.png", text[Math.Max(0, caption - 300)..caption]);
    }

    [Fact]
    public void A_link_to_an_anchor_inside_a_paragraph_arrives_in_the_epub_and_the_pdf()
    {
        // EPUB: the anchor is an empty span in chapter 2, and chapter 1's link names that file and id.
        var page = Assert.Single(book.Pages, p => p.Value.Contains("<span id=\"ffn\"></span>", StringComparison.Ordinal)).Key;
        var link = Assert.Single(book.Named("a"), a => ((string?)a.Attribute("href"))?.EndsWith("#ffn", StringComparison.Ordinal) == true);
        Assert.Equal(Path.GetFileName(page) + "#ffn", (string)link.Attribute("href")!);
        Assert.DoesNotContain(book.Book.Diagnostics, d => d.Code == "GB0111");

        // PDF: the link goes to the page whose text holds the paragraph the anchor starts.
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(book.Book.PdfPath);
        var target = pdf.GetPages().Single(p => p.Text.Contains("前馈层就是", StringComparison.Ordinal)).Number;
        var links = pdf.GetPages().SelectMany(p => p.GetAnnotations().Select(a => (Page: p, Annotation: a)))
            .Where(x => x.Page.Text.Contains("前馈层的作用见", StringComparison.Ordinal)
                        && x.Annotation.Action is UglyToad.PdfPig.Actions.GoToAction)
            .Select(x => ((UglyToad.PdfPig.Actions.GoToAction)x.Annotation.Action!).Destination.PageNumber).ToArray();
        Assert.Contains(target, links);
    }

    [Fact]
    public void Html_headings_and_emoji_headings_are_in_the_table_of_contents()
    {
        Assert.Contains("2.1 整体结构", book.Navigation);
        Assert.Contains("1.1 全连接神经网络 🧠", book.Navigation);
        Assert.Contains("第一章 🚀 大模型简介", book.Navigation);
        Assert.Contains("id=\"chapter-1\"", book.AllPages);
        // <a name="mlp"></a> before "1.1" names that heading, and the link from chapter 2 to chapter1.md#mlp arrives
        Assert.Contains(book.Named("h2"), h => h.Attribute("id")?.Value == "mlp");
        Assert.Contains(book.Named("a"), a => a.Value == "全连接神经网络" && (a.Attribute("href")?.Value ?? "").Contains("mlp", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructs_come_out_as_their_elements()
    {
        Assert.Equal(5, book.Elements.Count(e => RealWorldBook.HasClass(e, "admonition")));
        var body = string.Concat(book.Named("body").Select(b => b.Value));
        Assert.Contains("<begin>", body);
        Assert.Contains("Tensor<T>", body);
        Assert.Contains(book.Named("kbd"), k => k.Value == "Ctrl");
        Assert.Contains(book.Elements, e => RealWorldBook.HasClass(e, "size-w90"));
        Assert.Contains(book.Elements, e => RealWorldBook.HasClass(e, "size-w60")); // ":width: 60%" under the image
        Assert.Contains(book.Named("ul"), ul => ul.Elements().Select(li => li.Value).SequenceEqual(["注意力机制", "残差连接"])); // <ul><li>a<li>b</ul>
        var pages = book.AllPages.Replace("\n", " ");
        foreach (var language in new[] { "python", "bash", "cpp", "javascript", "json" })
            Assert.Matches($"<code class=\"language-{language}\">(?:(?!</code>).)*<span class=\"tok-", pages);
    }

    /// <summary>&lt;details&gt; with Markdown inside: folded under its summary in the EPUB, printed open under it as a title.</summary>
    [SkippableFact]
    public void Details_fold_in_the_epub_and_print_open()
    {
        var details = Assert.Single(book.Named("details"), d => d.Elements().First().Value == "展开：注意力的计算代码");
        Assert.Null(details.Attribute("open"));
        Assert.Equal("summary", details.Elements().First().Name.LocalName);
        Assert.Contains(details.Elements(), e => e.Name.LocalName == "pre");
        var text = PdfText();
        Assert.Matches(@"展开：注意力的计算代码\s+注意力权重由 softmax 得到。", text);
        Assert.Contains("weights = softmax", text);

        // <details open> stays open in the EPUB and on the site, and prints like any other.
        var open = Assert.Single(book.Named("details"), d => d.Elements().First().Value == "已展开：环境要求");
        Assert.Equal("open", (string?)open.Attribute("open"));
        Assert.Contains(Directory.GetFiles(book.Book.SiteDirectory, "*.html").Select(File.ReadAllText),
            p => p.Contains("<details class=\"details\" open=\"open\"><summary>已展开：环境要求</summary>", StringComparison.Ordinal));
        Assert.Matches(@"已展开：环境要求\s+需要 Python 3.10", text);
    }

    private string PdfText()
    {
        ExternalTool.Require("pdftotext");
        return book.PdfText!;
    }

    [GeneratedRegex(@"^\s*\d+\s+\d+\s+image\s")]
    private static partial Regex ImageRow();
}
