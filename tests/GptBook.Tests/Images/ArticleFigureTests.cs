using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;
using SixLabors.ImageSharp;

namespace GptBook.Tests.Images;

/// <summary>The article's five figures: present at the paths it references, real PNGs, prepared for every output.</summary>
public sealed class ArticleFigureTests : IDisposable
{
    private static readonly string[] Files = ["Untitled.png", "Untitled 1.png", "Untitled 2.png", "Untitled 3.png", "Untitled 4.png"];

    private readonly string _cache = Path.Combine(Path.GetTempPath(), "gptbook-article-images-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    public static TheoryData<string> FigureFiles => new(Files);

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Figure_is_a_png_at_least_2000_pixels_wide_with_its_source_beside_it(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, "assets", "2.3从GPT1到GPT4", file);
        var info = Image.Identify(path, out var format);
        Assert.Equal("PNG", format.Name);
        Assert.True(info.Width >= 2000, $"{file} is {info.Width} px wide");
        Assert.True(File.Exists(Path.ChangeExtension(path, ".svg")), $"{file} has no editable SVG source");
    }

    [Fact]
    public void All_five_figures_of_the_article_are_prepared_for_every_output()
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        var catalog = ImageStage.Run(book, options, _cache,
            new HashSet<ImageProfile> { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site }, diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Code.StartsWith("GB02", StringComparison.Ordinal));
        var figures = book.Figures().ToArray();
        Assert.Equal(Files.Select(f => "assets/2.3从GPT1到GPT4/" + f), figures.Select(f => f.Image.Path));
        foreach (var figure in figures)
        {
            var print = catalog.Find(figure.Image, ImageProfile.Print)!;
            var epub = catalog.Find(figure.Image, ImageProfile.Epub)!;
            var site = catalog.Find(figure.Image, ImageProfile.Site)!;
            Assert.False(print.IsPlaceholder || epub.IsPlaceholder || site.IsPlaceholder);
            // Print: the SVG master beside the PNG (1200 CSS px wide), drawn as vectors. The 2400 px PNG: EPUB's
            // 1600 px, the site's 720 px with 0.5×, 1.5× and 2×.
            Assert.Equal("image/svg+xml", print.MediaType);
            Assert.Equal(1200, print.PixelWidth);
            Assert.Equal(1600, epub.PixelWidth);
            Assert.Equal(720, site.PixelWidth);
            Assert.Equal([360, 1080, 1440], site.Variants.Where(v => v.MediaType == site.MediaType).Select(v => v.PixelWidth));
            Assert.Equal("image/png", epub.MediaType); // drawings stay PNG
            Assert.Equal(epub.PixelWidth, Image.Identify(epub.Path).Width);
        }
    }

    [Fact]
    public void Image_path_escaping_the_root_through_the_loader_is_refused_and_shown_as_a_placeholder()
    {
        // A single .md file's book root is the folder above the file's own folder, like content/ in the repository.
        var root = Path.Combine(_cache, "book");
        Directory.CreateDirectory(Path.Combine(root, "content"));
        File.WriteAllBytes(Path.Combine(_cache, "outside.png"), HostileImageTests.PngWithHeader(10, 10));
        File.WriteAllText(Path.Combine(root, "content", "book.md"), "# T\n\n![outside](../../outside.png)\n");
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(Path.Combine(root, "content", "book.md"), diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        var reference = book.Figures().Select(f => f.Image)
            .Concat(book.AllBlocks().OfType<Paragraph>().SelectMany(p => p.Content.OfType<InlineImage>()).Select(i => i.Image))
            .Single();
        Assert.Equal(ImageSourceKind.Refused, reference.Kind);
        var catalog = ImageStage.Run(book, options, Path.Combine(_cache, "cache"), new HashSet<ImageProfile> { ImageProfile.Epub }, diagnostics);
        var refusal = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.PathOutsideRoot.Id);
        Assert.Equal(3, refusal.Span.Line);
        Assert.True(catalog.Find(reference, ImageProfile.Epub)!.IsPlaceholder);
    }
}
