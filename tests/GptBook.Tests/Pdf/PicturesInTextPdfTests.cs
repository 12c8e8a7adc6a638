using GptBook.Diagnostics;
using GptBook.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UglyToad.PdfPig;

namespace GptBook.Tests.Pdf;

/// <summary>
/// Pictures inside paragraphs from Markdown to PDF through the real stages: a small one is drawn on its line, its
/// foot on the text's baseline; a large one is drawn as a block between the text before and after it.
/// </summary>
public sealed class PicturesInTextPdfTests : IDisposable
{
    private readonly TempBookDirectory _book = new();

    public void Dispose() => _book.Dispose();

    private static byte[] Png(int width, int height, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    [Fact]
    public void ASmallPictureIsDrawnOnItsLineAndALargeOneBetweenTheLines()
    {
        _book.Write("icon.png", Png(24, 24, new Rgb24(200, 40, 40)));
        _book.Write("chart.png", Png(800, 400, new Rgb24(40, 90, 160)));
        _book.Write("chapter.md", "# 图文\n\n点击![运行](icon.png)按钮即可开始训练。\n\n训练曲线如下：\n![训练曲线](chart.png)\n可见损失稳定下降。\n");
        var (path, diagnostics) = OneChapterPdf.Write(_book, "图文");
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity >= DiagnosticSeverity.Warning);

        using var pdf = PdfDocument.Open(path);
        var page = pdf.GetPages().Single(p => p.Text.Contains("点击", StringComparison.Ordinal));
        var pictures = page.GetImages().OrderBy(i => i.BoundingBox.Width).ToList();
        Assert.Equal(2, pictures.Count);
        var (icon, chart) = (pictures[0], pictures[1]);

        // 24 px at the print profile's least density (150 dpi): 11.52 pt, on the baseline of 点击, between 击 and 按.
        Assert.Equal(24 / 150.0 * 72, icon.BoundingBox.Width, 1);
        var ji = page.Letters.First(l => l.Value == "击");
        var an = page.Letters.First(l => l.Value == "按");
        Assert.Equal(ji.StartBaseLine.Y, icon.BoundingBox.Bottom, 1);
        Assert.InRange(icon.BoundingBox.Left, ji.EndBaseLine.X - 0.1, an.StartBaseLine.X + 0.1);
        Assert.Equal(ji.StartBaseLine.Y, an.StartBaseLine.Y, 3);

        // The chart is centred in the type area, below 训练曲线如下 and above 可见损失 (PDF y grows upwards).
        var ru = page.Letters.First(l => l.Value == "如");
        var ke = page.Letters.First(l => l.Value == "损");
        Assert.True(chart.BoundingBox.Top < ru.StartBaseLine.Y);
        Assert.True(chart.BoundingBox.Bottom > ke.StartBaseLine.Y + ke.BoundingBox.Height);
        Assert.Equal(2.0, chart.BoundingBox.Width / chart.BoundingBox.Height, 2);
    }
}
