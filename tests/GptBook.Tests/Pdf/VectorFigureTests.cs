using System.Text;
using GptBook.Tests.Epub;
using GptBook.Tests.Support;
using UglyToad.PdfPig;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace GptBook.Tests.Pdf;

/// <summary>SVG figures print as PDF vectors and text, counted as figures like any picture.</summary>
public sealed class VectorFigureTests(VectorFigureBook fixture) : IClassFixture<VectorFigureBook>
{
    [Fact]
    public void The_book_builds_without_warnings()
    {
        Assert.Equal(Publishing.PublishOutcome.Built, fixture.Book.Result.Outcome);
        Assert.Empty(fixture.Book.Diagnostics.Where(d => d.Severity != Diagnostics.DiagnosticSeverity.Info).Select(d => d.ToString()));
    }

    [Fact]
    public void Svg_text_is_text_in_the_pdf_in_the_bundled_faces()
    {
        using var pdf = PigDocument.Open(fixture.Book.PdfPath);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        foreach (var expected in new[] { "矢量文字𠮷", "🚀", "旋转的说明", "ℝ⟨x⟩", VectorFigureBook.MasterText })
            Assert.Contains(expected, text);
        Assert.Contains(letters, l => l.Value == "𠮷" && (l.FontName ?? "").Contains("HanaMinB", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Value == "🚀" && (l.FontName ?? "").Contains("Noto Emoji", StringComparison.Ordinal));
        // The rotated caption's letters follow its baseline, not the page's.
        var rotated = letters.First(l => l.Value == "旋");
        Assert.NotEqual(0, Math.Round(rotated.BoundingBox.Rotation));
    }

    [Fact]
    public void Only_the_embedded_bitmap_is_a_raster_image()
    {
        using var pdf = PigDocument.Open(fixture.Book.PdfPath);
        var images = pdf.GetPages().SelectMany(p => p.GetImages()).ToList();
        var image = Assert.Single(images);
        Assert.Equal((16, 8), (image.WidthInSamples, image.HeightInSamples));
    }

    [Fact]
    public void Vector_figures_are_figures_in_the_structure_tree_as_many_as_the_epub_shows()
    {
        var epub = new EpubFile(fixture.Book.EpubPath);
        var pictures = epub.Entries.Where(e => e.Key.EndsWith(".xhtml", StringComparison.Ordinal) && !e.Key.EndsWith("nav.xhtml", StringComparison.Ordinal))
            .Sum(e => CountPictures(Encoding.UTF8.GetString(e.Value)));
        Assert.Equal(2, pictures);
        Assert.Equal(pictures, PdfStructureTree.Count(fixture.Book.PdfPath, "/Figure"));
    }

    [Fact]
    public void The_epub_and_the_site_embed_the_svg_so_its_text_is_text()
    {
        var epub = new EpubFile(fixture.Book.EpubPath);
        Assert.DoesNotContain(epub.EntryNames, n => n.EndsWith(".svg", StringComparison.Ordinal));
        var (name, bytes) = epub.Entries.Single(e => e.Key.EndsWith(".xhtml", StringComparison.Ordinal) && Encoding.UTF8.GetString(e.Value).Contains("<figure", StringComparison.Ordinal));
        var page = Encoding.UTF8.GetString(bytes);
        var svg = System.Text.RegularExpressions.Regex.Match(page, "<svg[\\s\\S]*?</svg>").Value;
        Assert.Contains("矢量文字", svg);
        Assert.Contains("aria-label=\"渐变、裁剪、透明度与文字\"", svg);
        Assert.Contains("id=\"svg1-sky\"", svg);
        Assert.Contains("url(#svg1-sky)", svg);
        Assert.DoesNotContain("width=", svg[..svg.IndexOf('>')]);
        var item = epub.Package.Descendants(EpubFile.Opf + "item").Single(i => name.EndsWith((string)i.Attribute("href")!, StringComparison.Ordinal));
        Assert.Equal("svg", (string?)item.Attribute("properties"));

        var site = File.ReadAllText(Directory.GetFiles(fixture.Book.SiteDirectory, "*.html").Single(f => File.ReadAllText(f).Contains("<figure", StringComparison.Ordinal)));
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", site);
        Assert.Contains("矢量文字", site);
        Assert.Contains("xlink:href=\"data:image/png;base64,", site);
        Assert.DoesNotContain(fixture.Book.Diagnostics, d => d.Code == "GB0501");
    }

    [SkippableFact]
    public void The_epub_with_embedded_svg_passes_epubcheck() => Epubcheck.AssertValid(fixture.Book.EpubPath);

    [SkippableFact]
    public void The_figures_render_with_ink_where_the_shapes_are()
    {
        var pdftoppm = ExternalTool.Require("pdftoppm");
        using var dir = new TemporaryDirectory();
        using var pdf = PigDocument.Open(fixture.Book.PdfPath);
        var page = pdf.GetPages().First(p => p.Letters.Any(l => l.Value == "旋"));
        var number = page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, ExternalTool.Run(pdftoppm, ["-png", "-r", "72", "-f", number, "-l", number, fixture.Book.PdfPath, dir.Combine("p")]).ExitCode);
        using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(Directory.GetFiles(dir.Path, "*.png").Single());
        var colours = new HashSet<SixLabors.ImageSharp.PixelFormats.Rgb24>();
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                colours.Add(image[x, y]);
        // Gradients give many distinct colours; a grey placeholder box or flat text would give a handful.
        Assert.True(colours.Count > 200, $"{colours.Count} colours on the figure's page");
    }

    /// <summary>Pictures inside figures (the cover page's picture is not one of the book's figures).</summary>
    private static int CountPictures(string xhtml) =>
        System.Text.RegularExpressions.Regex.Matches(xhtml, "<figure[\\s\\S]*?</figure>")
            .Sum(f => System.Text.RegularExpressions.Regex.Count(f.Value, "<(img|svg)[\\s>]"));
}
