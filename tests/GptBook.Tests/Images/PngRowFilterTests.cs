using GptBook.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Images;

/// <summary>
/// The vectorized row filter against the PNG specification's definitions, written out one byte at a time here:
/// the same filter type and the same bytes for every row, including rows shorter than a vector, tails, the
/// extreme values where the Paeth predictor's ties and the signed magnitudes (128) are decided.
/// </summary>
public sealed class PngRowFilterTests
{
    public static TheoryData<int, int, int> Rows()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var bpp in new[] { 3, 4 })
            foreach (var pixels in new[] { 1, 2, 5, 6, 7, 11, 31, 64, 333 })
                foreach (var kind in new[] { 0, 1, 2, 3 })
                    data.Add(bpp, pixels, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void ChoosesAndFiltersAsTheSpecificationDefines(int bpp, int pixels, int kind)
    {
        var random = new Random(bpp * 100_000 + pixels * 10 + kind);
        var filter = new PngRowFilter(bpp * pixels);
        for (var trial = 0; trial < 20; trial++)
        {
            var row = Row(random, bpp * pixels, kind);
            var above = Row(random, bpp * pixels, kind);
            var expected = Reference(row, above, bpp);
            Assert.Equal(expected, filter.Best(row, above, bpp));
        }
    }

    [Fact]
    public void TruecolourFilesDecodeToTheirPixels()
    {
        var random = new Random(7);
        foreach (var alpha in new[] { false, true })
        {
            using var image = new Image<Rgba32>(53, 17);
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                    foreach (ref var pixel in rows.GetRowSpan(y))
                        pixel = new Rgba32((byte)random.Next(256), (byte)(y * 15), (byte)random.Next(2) * 255, alpha ? (byte)random.Next(256) : (byte)255);
            });
            using var file = new MemoryStream();
            PngFileWriter.WriteTruecolour(file, image.Width, image.Height, alpha, y => image.DangerousGetPixelRowMemory(y).Span, 96);
            file.Position = 0;
            using var decoded = Image.Load<Rgba32>(file);
            for (var y = 0; y < image.Height; y++)
                Assert.Equal(image.DangerousGetPixelRowMemory(y).ToArray(), decoded.DangerousGetPixelRowMemory(y).ToArray());
        }
    }

    /// <summary>Random bytes, extremes only (0, 1, 127, 128, 254, 255), a smooth ramp, or a flat run with noise.</summary>
    private static byte[] Row(Random random, int length, int kind)
    {
        byte[] extremes = [0, 1, 127, 128, 254, 255];
        var row = new byte[length];
        for (var i = 0; i < length; i++)
            row[i] = kind switch
            {
                0 => (byte)random.Next(256),
                1 => extremes[random.Next(extremes.Length)],
                2 => (byte)(i * 3 + random.Next(3)),
                _ => (byte)(200 + (random.Next(10) == 0 ? random.Next(50) : 0)),
            };
        return row;
    }

    private static byte[] Reference(byte[] row, byte[] above, int bpp)
    {
        var rows = new byte[5][];
        for (var type = 0; type < 5; type++)
        {
            rows[type] = new byte[row.Length + 1];
            rows[type][0] = (byte)type;
            for (var i = 0; i < row.Length; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = above[i], c = i >= bpp ? above[i - bpp] : 0;
                var predictor = type switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => Paeth(a, b, c) };
                rows[type][i + 1] = (byte)(row[i] - predictor);
            }
        }
        return rows.MinBy(r => r.Skip(1).Sum(v => v < 128 ? v : 256 - v))!;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
