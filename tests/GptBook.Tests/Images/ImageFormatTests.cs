using GptBook.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Images;

/// <summary>Every supported source format decodes to an 8-bit sRGB output with the source's pixels.</summary>
public sealed class ImageFormatTests : IDisposable
{
    private readonly ImageTestBook _book = new();

    public void Dispose() => _book.Dispose();

    public static TheoryData<string, string> Formats => new()
    {
        { "bmp", "a.bmp" },
        { "tiff", "a.tif" },
        { "webp", "a.webp" },
        { "gif", "a.gif" },
        { "png-palette", "a.png" },
        { "png-grey", "a.png" },
        { "jpeg-grey", "a.jpg" },
    };

    private static IImageEncoder Encoder(string kind) => kind switch
    {
        "bmp" => new BmpEncoder(),
        "tiff" => new TiffEncoder(),
        "webp" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
        "gif" => new GifEncoder(),
        "png-palette" => new PngEncoder { ColorType = PngColorType.Palette },
        "png-grey" => new PngEncoder { ColorType = PngColorType.Grayscale },
        _ => new JpegEncoder { ColorType = JpegColorType.Luminance, Quality = 95 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Format_decodes_to_a_clean_8_bit_output(string kind, string file)
    {
        var grey = kind.Contains("grey");
        using var drawing = ImageTestBook.Drawing(64, 32,
            grey ? new Rgba32(30, 30, 30) : new Rgba32(200, 40, 40),
            grey ? new Rgba32(220, 220, 220) : new Rgba32(40, 40, 200));
        var reference = ImageTestBook.Local(_book.Write("img/" + file, drawing, Encoder(kind)));
        var run = _book.Run(reference, ImageProfile.Epub);
        Assert.Empty(run.Diagnostics.Items);
        var output = run.Get(reference, ImageProfile.Epub);
        Assert.False(output.IsPlaceholder);
        Assert.Equal((64, 32), (output.PixelWidth, output.PixelHeight));
        using var decoded = Image.Load<Rgba32>(output.Path);
        var (left, right) = (decoded[8, 16], decoded[56, 16]);
        var expected = grey ? ((byte)30, (byte)220) : ((byte)200, (byte)40);
        Assert.InRange(left.R, expected.Item1 - 6, expected.Item1 + 6);
        Assert.InRange(right.R, expected.Item2 - 6, expected.Item2 + 6);
        // A plain greyscale JPEG that needs no resizing is copied, not decoded (see the pass-through tests).
        Assert.Equal(kind == "jpeg-grey" ? 0 : 1, run.Statistics.Decoded);
    }

    [Fact]
    public void Progressive_jpeg_decodes()
    {
        // Hand-made (ImageSharp 2.1 cannot write progressive JPEG): 8×8 grey, one DC-only progressive scan, and a
        // comment segment so the stage has to decode and re-encode it rather than pass it through.
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xFE, 0x00, 0x06, (byte)'t', (byte)'e', (byte)'s', (byte)'t',
            0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64),
            0xFF, 0xC2, 0x00, 0x0B, 8, 0, 8, 0, 8, 1, 1, 0x11, 0,
            0xFF, 0xC4, 0x00, 0x14, 0x00, 1, .. new byte[15], 0x00,
            0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 0, 0,
            0x7F,
            0xFF, 0xD9,
        ];
        var reference = ImageTestBook.Local(_book.Write("img/progressive.jpg", jpeg));
        var run = _book.Run(reference, ImageProfile.Epub);
        Assert.Empty(run.Diagnostics.Items);
        Assert.Equal(1, run.Statistics.Decoded);
        var output = run.Get(reference, ImageProfile.Epub);
        Assert.False(output.IsPlaceholder);
        using var decoded = Image.Load<Rgba32>(output.Path);
        Assert.InRange(decoded[4, 4].R, 120, 136);
    }

    [Fact]
    public void Animated_png_is_noted_and_its_default_image_used()
    {
        using var drawing = ImageTestBook.Drawing(20, 10, new Rgba32(0, 128, 0), new Rgba32(0, 128, 0));
        using var stream = new MemoryStream();
        drawing.Save(stream, new PngEncoder());
        var png = stream.ToArray();
        // Insert an acTL chunk (3 frames, loop forever) right after IHDR, as an APNG writer would.
        var actl = new byte[] { 0, 0, 0, 8, (byte)'a', (byte)'c', (byte)'T', (byte)'L', 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0 };
        byte[] apng = [.. png.AsSpan(0, 33), .. actl, .. png.AsSpan(33)];
        var reference = ImageTestBook.Local(_book.Write("img/anim.png", apng));
        var run = _book.Run(reference, ImageProfile.Epub);
        var note = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0209", note.Code);
        Assert.Contains("3 frames", note.Message);
        Assert.False(run.Get(reference, ImageProfile.Epub).IsPlaceholder);
    }
}
