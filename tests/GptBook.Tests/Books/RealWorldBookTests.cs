using System.IO.Compression;
using System.Text.RegularExpressions;
using GptBook.Diagnostics;
using GptBook.Tests.Epub;
using GptBook.Tests.Support;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharpReader = PdfSharp.Pdf.IO.PdfReader;

namespace GptBook.Tests.Books;

/// <summary>tests/books/real-world, built once to all three formats and shared by the tests below.</summary>
public sealed class RealWorldBook : IDisposable
{
    public static readonly string Source = Path.Combine(RepositoryPaths.Root, "tests", "books", "real-world");

    public RealWorldBook()
    {
        var files = Directory.GetFiles(Source, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Source, f).Replace('\\', '/'), File.ReadAllBytes);
        Book = new PublishedBook("real-world", files, "book.yml");
        using var zip = ZipFile.OpenRead(Book.EpubPath);
        Pages = zip.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal) && !e.FullName.EndsWith("nav.xhtml", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        Navigation = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("nav.xhtml", StringComparison.Ordinal)).Open()).ReadToEnd();
    }

    public PublishedBook Book { get; }

    /// <summary>The EPUB's content documents (not the navigation document), by name.</summary>
    public IReadOnlyDictionary<string, string> Pages { get; }

    public string Navigation { get; }

    public string AllPages => string.Concat(Pages.Values);

    public void Dispose() => Book.Dispose();
}

/// <summary>
/// A book written like the Chinese LLM tutorials on GitHub and docsify (HTML figures with ../images paths, inline
/// icons, an SVG carrying a PNG, tables followed by text, alerts, emoji in headings, 𠮷, code in five languages):
/// every output valid, every picture in every output, nothing printed as source.
/// </summary>
public partial class RealWorldBookTests(RealWorldBook book) : IClassFixture<RealWorldBook>
{
    [Fact]
    public void It_builds_without_errors_sanitizing_or_missing_glyphs()
    {
        var problems = book.Book.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Code is "GB0105" or "GB0303" or "GB0104").ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
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
    /// Every picture of the EPUB (the figures and the pictures in running text, raster or SVG) is a Figure of the
    /// PDF's structure tree, and the PDF embeds one raster image per raster picture plus one per bitmap inside an SVG.
    /// </summary>
    [SkippableFact]
    public void The_pdf_has_every_picture_the_epub_has()
    {
        var pictures = PictureElement().Matches(book.AllPages).Select(m => m.Groups[1].Value).ToArray();
        var rasters = pictures.Count(p => p == "img");
        var svgBitmaps = SvgImage().Count(book.AllPages);
        Assert.Equal(5, pictures.Length); // 2.1, the loss curve twice, the Python icon, the architecture SVG
        Assert.Equal(1, svgBitmaps);
        Assert.Equal(pictures.Length, StructureFigures(book.Book.PdfPath));

        ExternalTool.Require("pdfimages");
        var listing = ExternalTool.Run("pdfimages", ["-list", book.Book.PdfPath]).StdOut;
        var embedded = listing.Split('\n').Count(line => ImageRow().IsMatch(line));
        Assert.Equal(rasters + svgBitmaps, embedded);
    }

    [SkippableFact]
    public void Emoji_and_extension_b_are_printed_as_text_not_boxes()
    {
        ExternalTool.Require("pdftotext");
        var text = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", book.Book.PdfPath, "-"]).StdOut;
        Assert.Contains("𠮷", text);
        Assert.Contains("🚀", text);
        Assert.Contains("全连接神经网络", text);
        Assert.DoesNotContain("[!NOTE]", text);
        Assert.DoesNotContain("sidebar", text);
        Assert.DoesNotContain("{#chapter-1}", text);
    }

    [Fact]
    public void Html_headings_and_emoji_headings_are_in_the_table_of_contents()
    {
        Assert.Contains("2.1 整体结构", book.Navigation);
        Assert.Contains("1.1 全连接神经网络 🧠", book.Navigation);
        Assert.Contains("第一章 🚀 大模型简介", book.Navigation);
        Assert.Contains("id=\"chapter-1\"", book.AllPages);
    }

    [Fact]
    public void Constructs_come_out_as_their_elements()
    {
        var pages = book.AllPages;
        Assert.Equal(5, Regex.Count(pages, "class=\"admonition admonition-"));
        Assert.Contains("<td>GPT-3 及以后的数据见下一章。</td>", pages);
        Assert.Contains("&lt;begin&gt;", pages);
        Assert.Contains("Tensor&lt;T&gt;", pages);
        Assert.Contains("<kbd>Ctrl</kbd>", pages);
        Assert.Contains("图2.1 全连接神经网络</figcaption>", pages);
        Assert.Contains("size-w90", pages);
        Assert.Equal(2, Regex.Count(pages, "<li>"));
        foreach (var language in new[] { "python", "bash", "cpp", "javascript", "json" })
            Assert.Matches($"<code class=\"language-{language}\">(?:(?!</code>).)*<span class=\"tok-", pages.Replace("\n", " "));
    }

    [GeneratedRegex("<(img|svg)\\s[^>]*class=\"(?:figure|inline)-image")]
    private static partial Regex PictureElement();

    [GeneratedRegex("<image\\s")]
    private static partial Regex SvgImage();

    [GeneratedRegex(@"^\s*\d+\s+\d+\s+image\s")]
    private static partial Regex ImageRow();

    private static int StructureFigures(string path)
    {
        using var document = PdfSharpReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var root = document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!;
        var count = 0;
        void Walk(PdfItem? item)
        {
            switch (item)
            {
                case PdfReference r:
                    Walk(r.Value);
                    break;
                case PdfArray a:
                    foreach (var child in a.Elements) Walk(child);
                    break;
                case PdfDictionary d when d.Elements.GetName("/S") is { } type:
                    if (type == "/Figure") count++;
                    Walk(d.Elements["/K"]);
                    break;
            }
        }
        Walk(root.Elements["/K"]);
        return count;
    }
}
