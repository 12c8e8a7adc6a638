using System.Text.RegularExpressions;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Tests.Support;
using UglyToad.PdfPig;

namespace GptBook.Tests.Pdf;

/// <summary>
/// The article's five figures reach the PDF as real pictures, at the pixel size the image stage prepared for
/// print, each on the page that carries its caption.
/// </summary>
[Collection(PdfOutputCollection.Name)]
public partial class ArticleFigureEmbeddingTests(PdfOutputFixture output)
{
    [Fact]
    public void Each_of_the_five_figures_is_embedded_at_its_print_size_on_the_page_of_its_caption()
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        var catalog = ImageStage.Run(book, options, Path.Combine(PdfOutputFixture.OutputDirectory, "image-cache"),
            new HashSet<ImageProfile> { ImageProfile.Print }, diagnostics);
        var expected = book.Figures().Select(f => catalog.Find(f.Image, ImageProfile.Print)!).ToArray();
        Assert.Equal(5, expected.Length);
        Assert.All(expected, e => Assert.False(e.IsPlaceholder));

        using var pdf = PdfDocument.Open(output.Article.Path);
        var placed = new List<(int Number, int Width, int Height)>();
        foreach (var page in pdf.GetPages())
        {
            var images = page.GetImages().OrderBy(i => -i.Bounds.Top).ToArray();
            var captions = CaptionLabel().Matches(page.Text.Replace(" ", "")).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
            Assert.Equal(captions.Length, images.Length);
            placed.AddRange(captions.Zip(images, (n, i) => (n, i.WidthInSamples, i.HeightInSamples)));
        }

        Assert.Equal([1, 2, 3, 4, 5], placed.Select(p => p.Number));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected[i].PixelWidth, placed[i].Width);
            Assert.Equal(expected[i].PixelHeight, placed[i].Height);
            Assert.True(placed[i].Width >= 1000, $"figure {i + 1} is only {placed[i].Width} px wide in the PDF");
        }
    }

    [GeneratedRegex(@"图(\d+)　")]
    private static partial Regex CaptionLabel();
}
