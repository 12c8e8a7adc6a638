using NetVips;
using VipsImage = NetVips.Image;

namespace GptBook.Images;

/// <summary>
/// Makes every size an output wants from one decoded source. A Lanczos-3 reduction from full size reads every
/// source pixel for every size, which made resizing the stage's largest cost. Instead the source is halved with a
/// 2×2 average as often as the result still covers the target (each halving reads every pixel once), and Lanczos-3
/// takes the smallest such level to the exact size, as libvips' thumbnailer does with JPEG shrink-on-load. Both
/// steps run in libvips (SIMD). A translucent source is worked premultiplied, so the colour of a transparent pixel
/// never bleeds into its neighbours. Which level a target starts from depends only on the source and the target,
/// never on which other sizes were asked for, so a prepared file is the same whatever the cache held before.
/// </summary>
internal sealed class ResizeLadder : IDisposable
{
    private readonly VipsImage _source;
    private readonly bool _premultiplied;
    private readonly List<VipsImage> _levels;

    /// <param name="source">8-bit sRGB, three or four bands (<see cref="VipsPixels"/>); it stays the caller's.</param>
    public ResizeLadder(VipsImage source)
    {
        _source = source;
        _premultiplied = source.Bands == 4;
        _levels = [_premultiplied ? source.Premultiply().CopyMemory() : source];
    }

    public int Width => _source.Width;

    public int Height => _source.Height;

    /// <summary>The source at exactly this size, in the source's bands and format, held in memory: a new image the caller disposes.</summary>
    public VipsImage Resize(int width, int height)
    {
        if (width == _source.Width && height == _source.Height) return _source.Copy();
        var level = _levels[0];
        for (var i = 1; ; i++)
        {
            if (i == _levels.Count)
            {
                var last = _levels[^1];
                if ((last.Width + 1) / 2 < width || (last.Height + 1) / 2 < height) break;
                // A 1 × 1 level halves to itself: no further level can be smaller.
                if (last.Width == 1 && last.Height == 1) break;
                _levels.Add(last.Shrink(2, 2, ceil: true).CopyMemory());
            }
            if (_levels[i].Width < width || _levels[i].Height < height) break;
            level = _levels[i];
        }
        using var reduced = level.Width == width && level.Height == height
            ? level.Copy()
            : level.Reduce((double)level.Width / width, (double)level.Height / height, kernel: Enums.Kernel.Lanczos3);
        using var exact = ExactSize(reduced, width, height);
        if (!_premultiplied) return exact.CopyMemory();
        using var straight = exact.Unpremultiply();
        using var bytes = straight.Cast(Enums.BandFormat.Uchar);
        return bytes.CopyMemory();
    }

    /// <summary>libvips rounds the reduced size; a pixel of rounding is trimmed or repeated at the edge.</summary>
    private static VipsImage ExactSize(VipsImage image, int width, int height)
    {
        if (image.Width == width && image.Height == height) return image.Copy();
        using var cropped = image.Crop(0, 0, Math.Min(width, image.Width), Math.Min(height, image.Height));
        return cropped.Embed(0, 0, width, height, extend: Enums.Extend.Copy);
    }

    /// <summary>Disposes the levels made here; the source belongs to the caller.</summary>
    public void Dispose()
    {
        foreach (var level in _levels.Where(l => !ReferenceEquals(l, _source))) level.Dispose();
    }
}
