using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptBook.Images;

/// <summary>
/// Makes every size an output wants from one decoded source. A Lanczos-3 reduction costs about six multiply-adds
/// per source pixel and channel, so shrinking a 12-megapixel photograph four times from full size was the stage's
/// largest cost. Instead the source is halved with a 2×2 average as often as the result still covers the target
/// (each halving reads every pixel once), and Lanczos-3 takes the smallest such level to the exact size, as
/// libvips' thumbnailer does with JPEG shrink-on-load. Which level a target starts from depends only on the source
/// and the target, never on which other sizes were asked for. Within one output's set of sizes
/// (<see cref="ResizeAll"/>), a size that is half of a larger one of the set is that one halved: the site's 720 and
/// 360 px copies are its 1,440 px copy halved once and twice, not three reductions from the source. A set is always
/// made whole (one cache entry), so a prepared file is still the same whatever the cache held before.
/// </summary>
internal sealed class ResizeLadder(Image<Rgba32> source) : IDisposable
{
    private readonly List<Image<Rgba32>> _levels = [source];

    public int Width => source.Width;

    public int Height => source.Height;

    /// <summary>The source at exactly this size: a new image the caller disposes, or null when it is the source's own size.</summary>
    public Image<Rgba32>? Resize(int width, int height)
    {
        if (width == source.Width && height == source.Height) return null;
        var level = _levels[0];
        for (var i = 1; ; i++)
        {
            if (i == _levels.Count)
            {
                var last = _levels[^1];
                if ((last.Width + 1) / 2 < width || (last.Height + 1) / 2 < height) break;
                // A 1 × 1 level halves to itself: no further level can be smaller.
                if (last.Width == 1 && last.Height == 1) break;
                _levels.Add(Halve(last));
            }
            if (_levels[i].Width < width || _levels[i].Height < height) break;
            level = _levels[i];
        }
        return level.Width == width && level.Height == height
            ? level.Clone()
            : level.Clone(x => x.Resize(width, height, KnownResamplers.Lanczos3));
    }

    /// <summary>
    /// Every size of one output's set, in the order given: each a new image the caller disposes, or null where it is
    /// the source's own size. Made largest first, so that a size within a pixel of half a larger one (each side
    /// rounded either way) is that one halved.
    /// </summary>
    public Image<Rgba32>?[] ResizeAll(IReadOnlyList<(int Width, int Height)> sizes)
    {
        var results = new Image<Rgba32>?[sizes.Count];
        try
        {
            foreach (var i in Enumerable.Range(0, sizes.Count).OrderByDescending(i => (long)sizes[i].Width * sizes[i].Height).ThenBy(i => i))
            {
                var (width, height) = sizes[i];
                var twice = results.FirstOrDefault(r => r != null && IsHalfOf(width, height, r));
                results[i] = twice != null ? Halve(twice, width, height) : Resize(width, height);
            }
            return results;
        }
        catch
        {
            foreach (var image in results) image?.Dispose();
            throw;
        }
    }

    private static bool IsHalfOf(int width, int height, Image<Rgba32> larger) =>
        Math.Abs(2 * width - larger.Width) <= 1 && Math.Abs(2 * height - larger.Height) <= 1;

    private static Image<Rgba32> Halve(Image<Rgba32> image) => Halve(image, (image.Width + 1) / 2, (image.Height + 1) / 2);

    /// <summary>Each pixel the alpha-weighted mean of a 2×2 block: an odd last row or column either averages what it
    /// has (the size rounded up) or is left out (rounded down), half a pixel at the edge.</summary>
    private static Image<Rgba32> Halve(Image<Rgba32> image, int width, int height)
    {
        var half = new Image<Rgba32>(ImageDecoding.Configuration, width, height);
        image.ProcessPixelRows(half, (from, to) =>
        {
            for (var y = 0; y < to.Height; y++)
            {
                var top = from.GetRowSpan(2 * y);
                var bottom = 2 * y + 1 < from.Height ? from.GetRowSpan(2 * y + 1) : top;
                var row = to.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var right = Math.Min(2 * x + 1, top.Length - 1);
                    row[x] = Mean(top[2 * x], top[right], bottom[2 * x], bottom[right]);
                }
            }
        });
        return half;
    }

    private static Rgba32 Mean(Rgba32 a, Rgba32 b, Rgba32 c, Rgba32 d)
    {
        var alpha = a.A + b.A + c.A + d.A;
        if (alpha == 4 * 255)
            return new Rgba32((byte)((a.R + b.R + c.R + d.R + 2) >> 2), (byte)((a.G + b.G + c.G + d.G + 2) >> 2),
                (byte)((a.B + b.B + c.B + d.B + 2) >> 2), 255);
        if (alpha == 0) return default;
        // Weighted by alpha, so the colour of a fully transparent pixel doesn't bleed into its neighbours.
        var half = alpha / 2;
        return new Rgba32(
            (byte)((a.R * a.A + b.R * b.A + c.R * c.A + d.R * d.A + half) / alpha),
            (byte)((a.G * a.A + b.G * b.A + c.G * c.A + d.G * d.A + half) / alpha),
            (byte)((a.B * a.A + b.B * b.A + c.B * c.A + d.B * d.A + half) / alpha),
            (byte)((alpha + 2) >> 2));
    }

    /// <summary>Disposes the levels made here; the source belongs to the caller.</summary>
    public void Dispose()
    {
        foreach (var level in _levels.Skip(1)) level.Dispose();
    }
}
