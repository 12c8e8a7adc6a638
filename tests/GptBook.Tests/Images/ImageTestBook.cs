using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Model;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Images;

/// <summary>
/// A throwaway book root with a cache folder: tests write source images into it, make references as the loader
/// would (with a Markdown location), and run the real image stage over them.
/// </summary>
internal sealed class ImageTestBook : IDisposable
{
    public ImageTestBook()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gptbook-images-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Directory, "book");
        Cache = Path.Combine(Directory, "cache");
        System.IO.Directory.CreateDirectory(Root);
    }

    /// <summary>Holds <see cref="Root"/> and, beside it, a place for files outside the book.</summary>
    public string Directory { get; }

    public string Root { get; }

    public string Cache { get; }

    public ImageOptions Images { get; set; } = new();

    public PdfOptions Pdf { get; set; } = new();

    public BookOptions Options => new()
    {
        RootDirectory = Root,
        BookFile = Path.Combine(Root, "book.yml"),
        Metadata = new BookMetadata("test", "Test", null, "zh-CN", [], new DateOnly(2026, 1, 1), null, []),
        Chapters = ["chapter.md"],
        Images = Images,
        Pdf = Pdf,
    };

    public string Write(string relativePath, byte[] bytes)
    {
        var full = Path.Combine(Root, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return relativePath;
    }

    public string Write(string relativePath, Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return Write(relativePath, stream.ToArray());
    }

    public static ImageReference Local(string path, int line = 3, int column = 1) =>
        new(path, ImageSourceKind.Local, path, "alt", new SourceSpan("chapter.md", line, column));

    public static ImageReference Other(string source, ImageSourceKind kind, int line = 5, int column = 2) =>
        new(source, kind, null, "alt", new SourceSpan("chapter.md", line, column));

    public StageRun Run(IReadOnlyList<ImageReference> references, params ImageProfile[] profiles)
    {
        var set = profiles.Length == 0 ? [ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site] : profiles;
        var context = new ImageStageContext(Options, Cache, new HashSet<ImageProfile>(set), new DiagnosticBag());
        var catalog = ImageStage.Run(context, references);
        return new StageRun(catalog, context.Diagnostics, context.Statistics);
    }

    public StageRun Run(ImageReference reference, params ImageProfile[] profiles) => Run([reference], profiles);

    /// <summary>A photograph-like image: smooth gradients plus deterministic noise, so it has many colours.</summary>
    public static Image<Rgba32> Photo(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                    row[x] = new Rgba32(
                        (byte)Math.Clamp(x * 255 / width + random.Next(-8, 9), 0, 255),
                        (byte)Math.Clamp(y * 255 / height + random.Next(-8, 9), 0, 255),
                        (byte)Math.Clamp(130 + 60 * Math.Sin(x / 37.0) * Math.Cos(y / 53.0) + random.Next(-8, 9), 0, 255));
            }
        });
        return image;
    }

    /// <summary>A drawing-like image: two flat colours split at the middle.</summary>
    public static Image<Rgba32> Drawing(int width, int height, Rgba32 left, Rgba32 right)
    {
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++) row[x] = x < width / 2 ? left : right;
            }
        });
        return image;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

internal sealed record StageRun(ImageCatalog Catalog, DiagnosticBag Diagnostics, ImageStageStatistics Statistics)
{
    public NormalizedImage Get(ImageReference reference, ImageProfile profile) =>
        Catalog.Find(reference, profile) ?? throw new InvalidOperationException($"no {profile} image for {reference.Key}");

    public IReadOnlyList<string> Codes => Diagnostics.Sorted().Select(d => d.Code).ToArray();
}
