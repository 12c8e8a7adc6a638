using System.Text.RegularExpressions;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Tests.Support;
using UglyToad.PdfPig;

namespace GptBook.Tests.Pdf;

/// <summary>
/// The article's five figures reach the PDF as vectors from the SVG masters beside their PNGs: no raster image,
/// their labels as text, each on the page that carries its caption.
/// </summary>
[Collection(SamplePdfs.Name)]
public partial class ArticleFigureEmbeddingTests(PdfOutputFixture output)
{
    /// <summary>A label only the figure with that number carries.</summary>
    private static readonly string[] Labels = ["2023-03-14", "LAMBADA", "1000万", "监督微调", "LSAT"];

    [Fact]
    public void Each_of_the_five_figures_prints_as_vectors_and_text_on_the_page_of_its_caption()
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        var catalog = ImageStage.Run(book, options, Path.Combine(PdfOutputFixture.OutputDirectory, "image-cache"),
            new HashSet<ImageProfile> { ImageProfile.Print }, diagnostics);
        var expected = book.Figures().Select(f => catalog.Find(f.Image, ImageProfile.Print)!).ToArray();
        Assert.Equal(5, expected.Length);
        Assert.All(expected, e => Assert.Equal("image/svg+xml", e.MediaType));

        using var pdf = PdfDocument.Open(output.Article.Path);
        var placed = new List<int>();
        foreach (var page in pdf.GetPages())
        {
            Assert.Empty(page.GetImages());
            var text = page.Text.Replace(" ", "");
            foreach (var number in CaptionLabel().Matches(text).Select(m => int.Parse(m.Groups[1].Value)))
            {
                Assert.Contains(Labels[number - 1], text);
                placed.Add(number);
            }
        }
        Assert.Equal([1, 2, 3, 4, 5], placed);
    }

    [GeneratedRegex(@"图(\d+)　")]
    private static partial Regex CaptionLabel();
}
