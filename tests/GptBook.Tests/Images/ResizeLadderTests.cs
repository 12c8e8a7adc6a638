using GptBook.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Images;

/// <summary>
/// One output's set of sizes: a size that is half a larger one of the set (each side rounded either way) is that
/// one's 2×2 means; any other size is what the ladder makes for it alone, whatever else the set holds.
/// </summary>
public sealed class ResizeLadderTests
{
    [Theory]
    [InlineData(1440, 960)]
    [InlineData(1441, 961)]
    public void HalfSizesAreTheLargerSizeHalved(int width, int height)
    {
        using var source = Noise(3001, 2001);
        using var ladder = new ResizeLadder(source);
        var half = (Width: width / 2, Height: height / 2);
        var halfUp = (Width: (width + 1) / 2, Height: (height + 1) / 2);
        var sizes = ladder.ResizeAll([half, (width, height), (1080, 720), halfUp]);
        try
        {
            var large = sizes[1]!;
            Assert.Equal((width, height), (large.Width, large.Height));
            foreach (var halved in new[] { sizes[0]!, sizes[3]! })
                for (var y = 0; y < halved.Height; y += 37)
                    for (var x = 0; x < halved.Width; x += 41)
                        Assert.Equal(Mean(large, 2 * x, 2 * y), halved[x, y]);
            using var alone = new ResizeLadder(source);
            using var expected = alone.Resize(1080, 720)!;
            Assert.Equal(Pixels(expected), Pixels(sizes[2]!));
        }
        finally
        {
            foreach (var image in sizes) image?.Dispose();
        }
    }

    [Fact]
    public void TheSourceSizeIsNull()
    {
        using var source = Noise(64, 48);
        using var ladder = new ResizeLadder(source);
        var sizes = ladder.ResizeAll([(64, 48), (32, 24)]);
        Assert.Null(sizes[0]);
        using var half = sizes[1]!;
        Assert.Equal(Mean(source, 10, 10), half[5, 5]);
    }

    /// <summary>The 2×2 mean at (x, y) of an opaque image, an odd edge averaging what it has.</summary>
    private static Rgba32 Mean(Image<Rgba32> image, int x, int y)
    {
        int right = Math.Min(x + 1, image.Width - 1), below = Math.Min(y + 1, image.Height - 1);
        Rgba32[] four = [image[x, y], image[right, y], image[x, below], image[right, below]];
        return new Rgba32((byte)((four.Sum(p => p.R) + 2) >> 2), (byte)((four.Sum(p => p.G) + 2) >> 2),
            (byte)((four.Sum(p => p.B) + 2) >> 2), 255);
    }

    private static Rgba32[] Pixels(Image<Rgba32> image)
    {
        var pixels = new Rgba32[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        return pixels;
    }

    private static Image<Rgba32> Noise(int width, int height)
    {
        var random = new Random(width * height);
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                foreach (ref var pixel in rows.GetRowSpan(y))
                    pixel = new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 255);
        });
        return image;
    }
}
