using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Pdf;
using GptBook.Tests.Support;

namespace GptBook.Tests.Pdf;

/// <summary>Writes the sample books once per test run (layout and PDF writing take a few seconds each).</summary>
public sealed class PdfOutputFixture
{
    private static int _instances;

    public PdfOutputFixture()
    {
        // Each test class gets its own fixture, and classes run in parallel: each writes into a folder of its own.
        InstanceDirectory = Path.Combine(OutputDirectory, "fixture-" + Interlocked.Increment(ref _instances));
        Directory.CreateDirectory(InstanceDirectory);
        Fonts = FontSet.Load(Path.Combine(RepositoryPaths.Root, "assets", "fonts"));
        Article = WriteArticle();
        Jpeg = Path.Combine(InstanceDirectory, "photo.jpg");
        using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(600, 400, new SixLabors.ImageSharp.PixelFormats.Rgb24(40, 90, 160)))
        {
            image.Metadata.HorizontalResolution = image.Metadata.VerticalResolution = 150;
            SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, Jpeg);
        }
        var book = SampleBooks.Constructs();
        var figures = book.Figures().ToDictionary(f => f.Id, f => f.Image);
        var catalog = new ImageCatalog(new Dictionary<(string, ImageProfile), NormalizedImage>
        {
            [(figures["fig-photo"].Key, ImageProfile.Print)] = new(Jpeg, 600, 400, "image/jpeg", 150),
            [(figures["fig-remote"].Key, ImageProfile.Print)] = new(Jpeg, 600, 400, "image/jpeg", 150) { Placeholder = "远程图片未获取：https://example.com/remote.png" },
        });
        Constructs = Write(book, "constructs.pdf", images: catalog);
    }

    /// <summary>One folder per checkout, so that test runs in other worktrees on the same machine don't collide.</summary>
    public static string OutputDirectory { get; } = Path.Combine(Path.GetTempPath(),
        "gptbook-pdf-tests-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepositoryPaths.Root)))[..10]);

    /// <summary>Where this fixture writes its PDFs.</summary>
    public string InstanceDirectory { get; }

    public FontSet Fonts { get; }
    public Output Article { get; }
    public Output Constructs { get; }

    /// <summary>The real article through the real stages: book.yml, the loader, the image stage (print profile).</summary>
    public Output WriteArticle(string name = "article.pdf")
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        var images = ImageStage.Run(book, options, Path.Combine(OutputDirectory, "image-cache"), new HashSet<ImageProfile> { ImageProfile.Print }, diagnostics);
        var path = Path.Combine(InstanceDirectory, name);
        var layout = PdfBookWriter.Write(book, options, images, Fonts, path, diagnostics);
        return new Output(book, path, layout, diagnostics);
    }

    public string Jpeg { get; }

    public Output Write(Book book, string name, PdfOptions? pdf = null, ImageCatalog? images = null)
    {
        if (File.Exists(Path.Combine(InstanceDirectory, name))) File.Delete(Path.Combine(InstanceDirectory, name));
        var options = new BookOptions
        {
            RootDirectory = RepositoryPaths.Root,
            BookFile = RepositoryPaths.BookYml,
            Metadata = book.Metadata,
            Chapters = book.Chapters.Select(c => c.SourceFile).ToList(),
            Pdf = pdf ?? new PdfOptions(),
        };
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(InstanceDirectory, name);
        var layout = PdfBookWriter.Write(book, options, images ?? ImageCatalog.Empty, Fonts, path, diagnostics);
        return new Output(book, path, layout, diagnostics);
    }

    public sealed record Output(Book Book, string Path, BookLayout Layout, DiagnosticBag Diagnostics);
}

/// <summary>The test classes that read the sample PDFs share one fixture, so the files are written once, by one thread.</summary>
[CollectionDefinition(Name)]
public sealed class SamplePdfs : ICollectionFixture<PdfOutputFixture>
{
    public const string Name = "sample PDFs";
}
