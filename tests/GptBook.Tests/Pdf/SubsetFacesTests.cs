using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Loading;
using GptBook.Pdf;
using GptBook.Tests.Support;

namespace GptBook.Tests.Pdf;

/// <summary>
/// PDFsharp is handed each face cut down to the characters the book draws in it. Every text the renderer draws,
/// in every kind of place (runs, formulas, SVG figures' text, placeholders, headers, the TOC), must be in those
/// subsets: a character the collection missed would be drawn from the whole face, which is correct but slow.
/// </summary>
[Collection(SamplePdfs.Name)]
public sealed class SubsetFacesTests(PdfOutputFixture output)
{
    private List<string> WholeFaceTexts(PdfOutputFixture.Output book)
    {
        var misses = new List<string>();
        PdfBookWriter.Render(book.Layout, book.Book.Metadata, output.Fonts, new FontMetricsMeasurer(output.Fonts), DateTimeOffset.UnixEpoch,
            (_, _) => { }, (role, text) => misses.Add($"{role}: {text}"));
        return misses;
    }

    [Fact]
    public void The_article_and_the_constructs_book_draw_every_text_from_the_subsets()
    {
        Assert.Empty(WholeFaceTexts(output.Article));
        Assert.Empty(WholeFaceTexts(output.Constructs));
    }

    [Fact]
    public void Formulas_emoji_rare_han_code_and_a_placeholder_draw_from_the_subsets_too()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/ch.md",
            "# 第一章 公式 😀\n\n设 $\\sum_{i=1}^{n} x_i^2 \\le \\sqrt{\\frac{a}{b}}$，𠮷野家的 `std::vector<int>`。\n\n" +
            "$$\n\\left( \\int_0^1 f(x)\\,\\mathrm{d}x \\right) = \\mathbb{E}[X]\n$$\n\n![缺失的图](missing.png)\n\n```python\nprint('你好')\n```\n");
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(dir.PathOf("content/ch.md"), diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        var images = ImageStage.Run(book, options, dir.PathOf("cache"), new HashSet<ImageProfile> { ImageProfile.Print }, diagnostics);
        var layout = PdfBookWriter.Write(book, options, images, output.Fonts, dir.PathOf("out.pdf"), diagnostics);
        Assert.Contains(layout.Pages.SelectMany(p => p.Fragments), f => f is GptBook.Layout.Formulas.FormulaFragment);
        Assert.Contains(layout.Pages.SelectMany(p => p.Fragments), f => f is ImageFragment { PlaceholderText: not null });

        Assert.Empty(WholeFaceTexts(new PdfOutputFixture.Output(book, dir.PathOf("out.pdf"), layout, diagnostics)));
    }
}
