using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Configuration;
using GptBook.Tests.Epub;
using GptBook.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using static GptBook.Tests.Epub.EpubFile;

namespace GptBook.Tests.Images;

/// <summary>
/// Lighter images (issue 13), read back from built EPUBs: the real loader, the real image stage and the real EPUB
/// writer over a small book with an animated GIF, two JPEG diagrams and an anti-aliased few-colour drawing, and over
/// the article.
/// </summary>
public sealed class LighterEpubImageTests : IDisposable
{
    private readonly ImageTestBook _book = new();

    public void Dispose() => _book.Dispose();

    [Fact]
    public void An_animated_gif_stays_animated_jpegs_stay_jpeg_and_no_larger_and_a_few_colour_drawing_comes_out_indexed_and_visually_equal()
    {
        var gif = _book.Write("images/spinner.gif", AnimatedGif());
        var smallJpeg = _book.Write("images/small-diagram.jpg", Jpeg(Diagram(900, 500), 70));
        var wideJpeg = _book.Write("images/wide-diagram.jpg", Jpeg(Diagram(2000, 1100), 90));
        using var drawing = Diagram(1200, 700);
        var drawingPng = _book.Write("images/drawing.png", drawing, new PngEncoder());
        Assert.True(ColourCount(drawing) > 256, "the drawing must need more than an exact palette");
        File.WriteAllText(Path.Combine(_book.Root, "chapter.md"),
            $"# 图\n\n![转圈]({gif})\n\n![小图]({smallJpeg})\n\n![宽图]({wideJpeg})\n\n![线图]({drawingPng})\n");

        var epub = Build();

        var images = epub.Manifest.Where(i => i.Attribute("media-type")!.Value.StartsWith("image/", StringComparison.Ordinal)
                && !(i.Attribute("properties")?.Value ?? "").Contains("cover-image", StringComparison.Ordinal))
            .Select(i => (Type: i.Attribute("media-type")!.Value, Bytes: epub.Entries[epub.Folder + "/" + i.Attribute("href")!.Value]))
            .ToArray();
        Assert.Equal(4, images.Length);

        var animated = Assert.Single(images, i => i.Type == "image/gif").Bytes;
        // A configuration of its own: the stage's decoding configuration (first frame only) shares ImageSharp's
        // default format registry, so the default would decode one frame here too.
        using (var frames = Image.Load<Rgba32>(new SixLabors.ImageSharp.Configuration(new GifConfigurationModule()), animated))
            Assert.Equal(3, frames.Frames.Count);
        Assert.True(ImageMediaTypes.IsAnimatedGif(animated));
        // The comment the source carried is metadata: it does not travel.
        Assert.Equal(-1, animated.AsSpan().IndexOf("made by a test"u8));

        var jpegs = images.Where(i => i.Type == "image/jpeg").Select(i => i.Bytes).ToArray();
        Assert.Equal(2, jpegs.Length);
        var small = jpegs.Single(j => Image.Identify(j).Width == 900);
        var wide = jpegs.Single(j => Image.Identify(j).Width == 1600);
        Assert.True(small.Length <= File.ReadAllBytes(Path.Combine(_book.Root, smallJpeg)).Length);
        Assert.True(wide.Length <= File.ReadAllBytes(Path.Combine(_book.Root, wideJpeg)).Length);

        var png = Assert.Single(images, i => i.Type == "image/png").Bytes;
        Assert.Equal(3, png[25]); // IHDR colour type 3: indexed
        Assert.True(png.Length < File.ReadAllBytes(Path.Combine(_book.Root, drawingPng)).Length);
        using var shown = Image.Load<Rgba32>(png);
        Assert.Equal((drawing.Width, drawing.Height), (shown.Width, shown.Height));
        Assert.True(MaxChannelDifference(drawing, shown) <= PngPalette.MaxError);
    }

    [Fact]
    public void An_animation_whose_frames_together_pass_the_pixel_limit_shows_its_first_frame_and_says_so()
    {
        // 3 frames of 120×80: 28,800 pixels in all, each frame 9,600.
        _book.Images = new ImageOptions { MaxPixels = 20_000 };
        var gif = ImageTestBook.Local(_book.Write("spinner.gif", AnimatedGif()));

        var run = _book.Run(gif, ImageProfile.Epub, ImageProfile.Site);

        Assert.Equal("image/png", run.Get(gif, ImageProfile.Epub).MediaType);
        Assert.Equal("image/png", run.Get(gif, ImageProfile.Site).MediaType);
        var note = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0209", note.Code);
        Assert.Contains("only the first is used", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_of_the_articles_epub_images_is_no_larger_than_its_source()
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        var catalog = ImageStage.Run(book, options, _book.Cache, new HashSet<ImageProfile> { ImageProfile.Epub }, diagnostics);
        var path = Path.Combine(_book.Directory, "article.epub");
        Assert.True(EpubWriter.Write(book, options, catalog, path, diagnostics, SampleEpub.Fonts), string.Join("\n", diagnostics.Items));
        var epub = new EpubFile(path);

        var figures = book.Figures().ToArray();
        Assert.Equal(5, figures.Length);
        foreach (var figure in figures)
        {
            var source = File.ReadAllBytes(Path.Combine(options.RootDirectory, figure.Image.Path!));
            var prepared = catalog.Find(figure.Image, ImageProfile.Epub)!;
            var packed = epub.Manifest.Select(i => epub.Entries[epub.Folder + "/" + i.Attribute("href")!.Value])
                .Single(bytes => bytes.AsSpan().SequenceEqual(File.ReadAllBytes(prepared.Path)));
            Assert.True(packed.Length <= source.Length, $"{figure.Image.Path}: {packed.Length} > {source.Length}");
            // The charts come out as indexed PNGs: a quarter of their truecolour size or less.
            Assert.Equal(3, packed[25]);
        }
    }

    private EpubFile Build()
    {
        var diagnostics = new DiagnosticBag();
        var options = _book.Options;
        var book = BookLoader.Load(options, diagnostics);
        var catalog = ImageStage.Run(book, options, _book.Cache, new HashSet<ImageProfile> { ImageProfile.Epub, ImageProfile.Site, ImageProfile.Print }, diagnostics);
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity >= DiagnosticSeverity.Warning);
        var path = Path.Combine(_book.Directory, "book.epub");
        Assert.True(EpubWriter.Write(book, options, catalog, path, diagnostics, SampleEpub.Fonts), string.Join("\n", diagnostics.Items));
        return new EpubFile(path);
    }

    /// <summary>Three 120×80 frames of a dot moving across, with a comment extension.</summary>
    private static byte[] AnimatedGif()
    {
        using var gif = new Image<Rgba32>(120, 80, new Rgba32(255, 255, 255));
        for (var frame = 0; frame < 3; frame++)
        {
            var still = gif.Frames.CreateFrame(new Rgba32(255, 255, 255));
            for (var y = 30; y < 50; y++)
                for (var x = 20 + 30 * frame; x < 40 + 30 * frame; x++)
                    still[x, y] = new Rgba32(200, 30, 30);
            still.Metadata.GetGifMetadata().FrameDelay = 20;
        }
        gif.Frames.RemoveFrame(0);
        gif.Metadata.GetGifMetadata().Comments.Add("made by a test");
        using var stream = new MemoryStream();
        gif.Save(stream, new GifEncoder());
        return stream.ToArray();
    }

    private static byte[] Jpeg(Image<Rgba32> image, int quality)
    {
        using (image)
        using (var stream = new MemoryStream())
        {
            image.Save(stream, new JpegEncoder { Quality = quality });
            return stream.ToArray();
        }
    }

    /// <summary>A chart-like drawing: white ground, three anti-aliased discs and a bar in four colours, so its
    /// edges blend into some hundreds of colours.</summary>
    private static Image<Rgba32> Diagram(int width, int height)
    {
        Rgba32[] inks = [new(200, 40, 40), new(30, 90, 200), new(60, 60, 60)];
        var image = new Image<Rgba32>(width, height, new Rgba32(255, 255, 255));
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    var pixel = new Vector4Colour(255, 255, 255);
                    for (var i = 0; i < inks.Length; i++)
                    {
                        double cx = width * (i + 1) / 4.0, cy = height / 2.0, r = height / 4.0 + 13.37 * i;
                        var cover = Math.Clamp(r - Math.Sqrt((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy)) + 0.5, 0, 1);
                        pixel = pixel.Over(inks[i], cover);
                    }
                    row[x] = pixel.ToRgba32();
                }
            }
        });
        return image;
    }

    private readonly record struct Vector4Colour(double R, double G, double B)
    {
        public Vector4Colour Over(Rgba32 ink, double cover) =>
            new(R + (ink.R - R) * cover, G + (ink.G - G) * cover, B + (ink.B - B) * cover);

        public Rgba32 ToRgba32() => new((byte)Math.Round(R), (byte)Math.Round(G), (byte)Math.Round(B), 255);
    }

    private static int ColourCount(Image<Rgba32> image)
    {
        var colours = new HashSet<Rgba32>();
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                colours.Add(image[x, y]);
        return colours.Count;
    }

    private static int MaxChannelDifference(Image<Rgba32> a, Image<Rgba32> b)
    {
        var max = 0;
        for (var y = 0; y < a.Height; y++)
            for (var x = 0; x < a.Width; x++)
            {
                Rgba32 p = a[x, y], q = b[x, y];
                max = Math.Max(max, Math.Max(Math.Max(Math.Abs(p.R - q.R), Math.Abs(p.G - q.G)), Math.Max(Math.Abs(p.B - q.B), Math.Abs(p.A - q.A))));
            }
        return max;
    }
}
