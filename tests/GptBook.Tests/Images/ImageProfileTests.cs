using System.Text;
using GptBook.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Images;

/// <summary>Each profile's sizes, formats and recorded DPI, read back from the files the stage wrote.</summary>
public sealed class ImageProfileTests : IDisposable
{
    private readonly ImageTestBook _book = new();

    public void Dispose() => _book.Dispose();

    private static double Dpi(string path)
    {
        var info = Image.Identify(path);
        var m = info.Metadata;
        Assert.Equal(PixelResolutionUnit.PixelsPerInch, m.ResolutionUnits == PixelResolutionUnit.PixelsPerMeter ? PixelResolutionUnit.PixelsPerInch : m.ResolutionUnits);
        return m.ResolutionUnits == PixelResolutionUnit.PixelsPerMeter ? m.HorizontalResolution * 0.0254 : m.HorizontalResolution;
    }

    private static (int, int) Size(string path)
    {
        var info = Image.Identify(path);
        return (info.Width, info.Height);
    }

    [Fact]
    public void Print_resamples_a_large_photo_to_300_dpi_across_the_text_width()
    {
        using var photo = ImageTestBook.Photo(2800, 2100);
        var reference = ImageTestBook.Local(_book.Write("img/photo.png", photo, new PngEncoder()));
        var print = _book.Run(reference, ImageProfile.Print).Get(reference, ImageProfile.Print);
        // A5 minus 20 mm inner and 16 mm outer margins: 112 mm = 4.409 in; at 300 dpi, 1322 pixels.
        Assert.Equal((1322, 992), (print.PixelWidth, print.PixelHeight));
        Assert.Equal((1322, 992), Size(print.Path));
        Assert.Equal("image/jpeg", print.MediaType);
        Assert.Equal("JPEG", Image.DetectFormat(print.Path)!.Name);
        Assert.InRange(print.Dpi, 299, 300);
        Assert.InRange(Dpi(print.Path), 299, 300.5);
    }

    [Fact]
    public void Print_limits_a_tall_image_by_the_figure_height()
    {
        _book.Images = _book.Images with { PrintMaxDpi = 200 };
        using var drawing = ImageTestBook.Drawing(1000, 4000, new Rgba32(0, 0, 0), new Rgba32(255, 255, 255));
        var reference = ImageTestBook.Local(_book.Write("img/tall.png", drawing, new PngEncoder()));
        var print = _book.Run(reference, ImageProfile.Print).Get(reference, ImageProfile.Print);
        // Text block height 170 mm × 0.6 = 102 mm = 4.016 in, so it prints 1.004 in wide: at 200 dpi, 200 × 800.
        Assert.Equal((200, 800), (print.PixelWidth, print.PixelHeight));
        Assert.InRange(print.Dpi, 199, 200);
        Assert.Equal("image/png", print.MediaType);
    }

    [Fact]
    public void A_one_pixel_sliver_is_prepared_for_every_output_within_the_figure_height()
    {
        // A 1 × 5000 rule: at 300 dpi it would print a third of a pixel wide, which once asked for a 1 × 1 print
        // file and halved that forever.
        using var sliver = new Image<Rgba32>(1, 5000, new Rgba32(30, 60, 90));
        var reference = ImageTestBook.Local(_book.Write("img/sliver.png", sliver, new PngEncoder()));
        var run = _book.Run(reference, ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site);
        var print = run.Get(reference, ImageProfile.Print);
        // Text block height 170 mm × 0.6 = 4.016 in; 5000 px in that height at 300 dpi is 1204 px.
        Assert.Equal((1, 1204), (print.PixelWidth, print.PixelHeight));
        Assert.Equal((1, 1204), Size(print.Path));
        Assert.Equal((1, 1600), Size(run.Get(reference, ImageProfile.Epub).Path));
        Assert.Equal((1, 5000), Size(run.Get(reference, ImageProfile.Site).Path));
    }

    [Fact]
    public void Print_never_upscales_and_prints_a_small_image_smaller_than_the_text_width()
    {
        using var drawing = ImageTestBook.Drawing(441, 200, new Rgba32(10, 20, 30), new Rgba32(200, 210, 220));
        var reference = ImageTestBook.Local(_book.Write("img/small.png", drawing, new PngEncoder()));
        var print = _book.Run(reference, ImageProfile.Print).Get(reference, ImageProfile.Print);
        Assert.Equal((441, 200), (print.PixelWidth, print.PixelHeight));
        // Filling the 4.409 in text width would mean 100 dpi; it prints at 150 dpi instead (2.94 in wide).
        Assert.Equal(150, print.Dpi);
        Assert.InRange(Dpi(print.Path), 149.9, 150.1);
    }

    [Fact]
    public void Print_flattens_alpha_onto_white_while_screens_keep_it()
    {
        using var image = new Image<Rgba32>(300, 200, new Rgba32(0, 0, 0, 0));
        var reference = ImageTestBook.Local(_book.Write("img/clear.png", image, new PngEncoder()));
        var run = _book.Run(reference);
        using var print = Image.Load<Rgba32>(run.Get(reference, ImageProfile.Print).Path);
        Assert.Equal(new Rgba32(255, 255, 255, 255), print[100, 100]);
        using var epub = Image.Load<Rgba32>(run.Get(reference, ImageProfile.Epub).Path);
        Assert.Equal(0, epub[100, 100].A);
        Assert.Equal("image/png", run.Get(reference, ImageProfile.Epub).MediaType);
    }

    [Fact]
    public void Epub_limits_the_longest_side()
    {
        using var drawing = ImageTestBook.Drawing(3000, 1000, new Rgba32(255, 0, 0), new Rgba32(0, 255, 0));
        var reference = ImageTestBook.Local(_book.Write("img/wide.png", drawing, new PngEncoder()));
        var epub = _book.Run(reference, ImageProfile.Epub).Get(reference, ImageProfile.Epub);
        Assert.Equal((1600, 533), (epub.PixelWidth, epub.PixelHeight));
        Assert.Equal((1600, 533), Size(epub.Path));
        Assert.Equal("image/png", epub.MediaType); // two flat colours: line art
        Assert.InRange(Dpi(epub.Path), 95.9, 96.1);
        Assert.Empty(epub.Variants);
    }

    [Fact]
    public void Epub_photo_is_jpeg_at_the_configured_quality()
    {
        _book.Images = _book.Images with { JpegQuality = 60 };
        using var photo = ImageTestBook.Photo(800, 600);
        var reference = ImageTestBook.Local(_book.Write("img/photo.png", photo, new PngEncoder()));
        var epub = _book.Run(reference, ImageProfile.Epub).Get(reference, ImageProfile.Epub);
        Assert.Equal("image/jpeg", epub.MediaType);
        Assert.Equal(60, Image.Identify(epub.Path).Metadata.GetJpegMetadata().Quality);
    }

    [Fact]
    public void Site_makes_wider_variants_only_from_a_source_that_wide_and_a_half_width_one_as_webp_with_the_main_width_as_fallback()
    {
        using var wide = ImageTestBook.Photo(2000, 1000);
        using var narrow = ImageTestBook.Photo(1000, 500, seed: 2);
        var wideRef = ImageTestBook.Local(_book.Write("img/wide.png", wide, new PngEncoder()));
        var narrowRef = ImageTestBook.Local(_book.Write("img/narrow.png", narrow, new PngEncoder()));
        var run = _book.Run([wideRef, narrowRef], ImageProfile.Site);

        var site = run.Get(wideRef, ImageProfile.Site);
        Assert.Equal((720, 360), (site.PixelWidth, site.PixelHeight));
        Assert.Equal("image/jpeg", site.MediaType);
        Assert.Equal((720, 360), Size(site.Path));
        // The main width's WebP (a photo: lossy at the JPEG quality) is smaller than its JPEG, so every width is
        // offered as WebP and the main width's JPEG is the only fallback: no JPEG at the other widths.
        Assert.DoesNotContain(site.Variants, v => v.MediaType == site.MediaType);
        var webps = site.Variants.Where(v => v.MediaType == "image/webp").OrderBy(v => v.PixelWidth).ToArray();
        Assert.Equal([(360, 180), (720, 360), (1080, 540), (1440, 720)], webps.Select(v => (v.PixelWidth, v.PixelHeight)));
        foreach (var webp in webps)
        {
            Assert.Equal((webp.PixelWidth, webp.PixelHeight), Size(webp.Path));
            Assert.Equal("Webp", Image.DetectFormat(File.ReadAllBytes(webp.Path))?.Name, ignoreCase: true);
        }
        Assert.True(new FileInfo(webps[1].Path).Length < new FileInfo(site.Path).Length, webps[1].Path);
        Assert.Equal(192, webps[^1].Dpi);

        var small = run.Get(narrowRef, ImageProfile.Site);
        Assert.Equal((720, 360), (small.PixelWidth, small.PixelHeight));
        // The main width decides for all: every width as WebP with the main width's JPEG as fallback, or (when its
        // WebP was no smaller, as for this noisier photo) every width as JPEG and no WebP.
        int[] webpWidths = [.. small.Variants.Where(v => v.MediaType == "image/webp").Select(v => v.PixelWidth).Order()];
        int[] jpegWidths = [.. small.Variants.Prepend(small).Where(v => v.MediaType == "image/jpeg").Select(v => v.PixelWidth).Order()];
        Assert.True((webpWidths.SequenceEqual([360, 720]) && jpegWidths.SequenceEqual([720])) ||
            (webpWidths.Length == 0 && jpegWidths.SequenceEqual([360, 720])), $"WebP {string.Join(",", webpWidths)}; JPEG {string.Join(",", jpegWidths)}");
    }

    [Fact]
    public void Site_keeps_every_width_as_png_when_a_palette_makes_it_smaller_than_webp()
    {
        using var drawing = ImageTestBook.Drawing(2000, 1000, new Rgba32(200, 40, 40), new Rgba32(40, 40, 200));
        var reference = ImageTestBook.Local(_book.Write("img/chart.png", drawing, new PngEncoder()));
        var site = _book.Run(reference, ImageProfile.Site).Get(reference, ImageProfile.Site);
        Assert.Equal("image/png", site.MediaType);
        Assert.Equal([360, 1080, 1440], site.Variants.Select(v => v.PixelWidth));
        Assert.All(site.Variants.Prepend(site), v => Assert.Equal("image/png", v.MediaType));
        Assert.All(site.Variants.Prepend(site), v => Assert.Equal(3, File.ReadAllBytes(v.Path)[25])); // IHDR colour type 3: indexed
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Site_webp_of_what_stays_png_is_lossless(bool alpha)
    {
        using var pixels = ImageTestBook.Photo(300, 200);
        if (alpha)
            pixels.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                    for (var x = 0; x < 40; x++) rows.GetRowSpan(y)[x].A = (byte)(x * 6);
            });
        var path = WebPSiblingWriter.WriteAlone(pixels, ImageEncoding.Png, alpha, 85, Path.Combine(_book.Root, "drawing.png"));
        using var decoded = Image.Load<Rgba32>(path);
        Assert.Equal((300, 200), (decoded.Width, decoded.Height));
        for (var y = 0; y < 200; y++)
            for (var x = 0; x < 300; x++)
            {
                // libwebp may change the colour under a fully transparent pixel, which nobody sees.
                var (expected, actual) = (pixels[x, y], decoded[x, y]);
                Assert.True(expected.A == 0 ? actual.A == 0 : expected == actual, $"({x}, {y}): {expected} against {actual}");
            }
    }

    [Fact]
    public void Site_without_retina_makes_no_wider_variant()
    {
        _book.Images = _book.Images with { SiteRetina = false, SiteWidth = 500 };
        using var wide = ImageTestBook.Photo(2000, 1000);
        var reference = ImageTestBook.Local(_book.Write("img/wide.png", wide, new PngEncoder()));
        var site = _book.Run(reference, ImageProfile.Site).Get(reference, ImageProfile.Site);
        Assert.Equal(500, site.PixelWidth);
        Assert.Equal(500, site.Variants.Max(v => v.PixelWidth));
    }

    [Fact]
    public void Clean_jpeg_of_the_right_size_passes_through_without_decoding()
    {
        using var photo = ImageTestBook.Photo(400, 300);
        using var stream = new MemoryStream();
        photo.Save(stream, new JpegEncoder { Quality = 77 });
        var source = stream.ToArray();
        var reference = ImageTestBook.Local(_book.Write("img/photo.jpg", source));
        var run = _book.Run(reference, ImageProfile.Print, ImageProfile.Epub);
        Assert.Equal(0, run.Statistics.Decoded);
        foreach (var profile in new[] { ImageProfile.Print, ImageProfile.Epub })
        {
            var output = File.ReadAllBytes(run.Get(reference, profile).Path);
            Assert.Equal(source.Length, output.Length);
            // Only the JFIF density (bytes 13–17) may differ: the compressed data is the photographer's own.
            Assert.True(source.AsSpan(18).SequenceEqual(output.AsSpan(18)));
            Assert.True(source.AsSpan(0, 13).SequenceEqual(output.AsSpan(0, 13)));
        }
        Assert.InRange(Dpi(run.Get(reference, ImageProfile.Print).Path), 149.9, 150.1); // 400 px print at the 150 dpi floor
    }

    [Fact]
    public void Jpeg_with_a_comment_is_re_encoded_rather_than_passed_through()
    {
        using var photo = ImageTestBook.Photo(400, 300);
        using var stream = new MemoryStream();
        photo.Save(stream, new JpegEncoder { Quality = 90 });
        var plain = stream.ToArray();
        var comment = Encoding.ASCII.GetBytes("owner: private person");
        byte[] com = [0xFF, 0xFE, 0, (byte)(comment.Length + 2), .. comment];
        byte[] source = [.. plain.AsSpan(0, 2), .. com, .. plain.AsSpan(2)];
        var reference = ImageTestBook.Local(_book.Write("img/commented.jpg", source));
        var run = _book.Run(reference, ImageProfile.Epub);
        Assert.Equal(1, run.Statistics.Decoded);
        var output = File.ReadAllBytes(run.Get(reference, ImageProfile.Epub).Path);
        Assert.Equal(-1, output.AsSpan().IndexOf(comment));
    }

    [Fact]
    public void Same_input_gives_byte_identical_outputs()
    {
        using var photo = ImageTestBook.Photo(1800, 900);
        var reference = ImageTestBook.Local(_book.Write("img/photo.png", photo, new PngEncoder()));
        var first = _book.Run(reference);
        var firstBytes = new[] { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site }
            .Select(p => File.ReadAllBytes(first.Get(reference, p).Path)).ToArray();
        System.IO.Directory.Delete(_book.Cache, recursive: true);
        var second = _book.Run(reference);
        Assert.Equal(1, second.Statistics.Decoded);
        var secondBytes = new[] { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site }
            .Select(p => File.ReadAllBytes(second.Get(reference, p).Path)).ToArray();
        Assert.Equal(firstBytes, secondBytes);
    }
}
