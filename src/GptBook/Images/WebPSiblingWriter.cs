using GptBook.IO;
using NetVips;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Images;

/// <summary>
/// The site's WebP copy of a prepared PNG or JPEG, written beside it (same name, ".webp" added): lossless for what
/// the stage keeps as PNG (drawings, charts, transparency: exact visible pixels, smaller than a truecolour PNG), lossy at the
/// JPEG quality for photographs. Browsers that cannot show WebP take the PNG or JPEG from the same
/// &lt;picture&gt;. A copy that comes out no smaller than its original is not kept: it would only cost bytes.
/// Only the pixels are encoded, so no metadata reaches the file, as for the original.
/// <para>Both are encoded by libwebp inside libvips, at its fastest method (<see cref="Method"/>), which is where a
/// cold image stage spent a third of its time at the method SkiaSharp fixed (README, Performance). Palette drawings
/// get no WebP at all (their PNG is smaller).</para>
/// </summary>
internal static class WebPSiblingWriter
{
    public const string MediaType = "image/webp";

    /// <returns>The WebP file's path, or null when it was not smaller than <paramref name="originalPath"/>.</returns>
    public static string? Write(Image<Rgba32> pixels, ImageEncoding encoding, bool hasAlpha, int quality, string originalPath)
    {
        var bytes = Encode(pixels, encoding, hasAlpha, quality);
        if (bytes.Length >= new FileInfo(originalPath).Length) return null;
        var path = originalPath + ".webp";
        AtomicFile.WriteAllBytes(path, bytes, durable: false);
        return path;
    }

    /// <summary>A WebP width with no PNG or JPEG beside it (the site offers other widths only as WebP once the
    /// main width's copy was smaller), named as its sibling would be: <paramref name="originalPath"/> + ".webp".</summary>
    /// <returns>The WebP file's path.</returns>
    public static string WriteAlone(Image<Rgba32> pixels, ImageEncoding encoding, bool hasAlpha, int quality, string originalPath)
    {
        var path = originalPath + ".webp";
        AtomicFile.WriteAllBytes(path, Encode(pixels, encoding, hasAlpha, quality), durable: false);
        return path;
    }

    /// <summary>
    /// libwebp's method (libvips' "effort"), 0 to 6. On the 24 photographs of the 60-figure benchmark book at
    /// 1,440 px and quality 85, method 0 took 0.27× the time of method 3 (what SkiaSharp used) for files 0.92× the
    /// size, 0.6 dB lower in PSNR (39.6 against 40.2 dB); methods 1 and 2 were slower for no gain that shows
    /// (1 December, one run). For lossless files method 0 is what SkiaSharp used.
    /// </summary>
    private const int Method = 0;

    /// <summary>
    /// libwebp's quality for lossless files, which there is how hard it searches: on the 60-figure benchmark book's
    /// truecolour diagrams and screenshots at 720 and 1,440 px, 100 made files 0.90× the size of 75 for 1.6× its
    /// time (1 December, one run).
    /// </summary>
    private const int LosslessEffort = 100;

    /// <summary>Only the pixels are encoded (<see cref="VipsPixels"/> carry no metadata, and none is kept).</summary>
    private static byte[] Encode(Image<Rgba32> pixels, ImageEncoding encoding, bool hasAlpha, int quality)
    {
        using var image = VipsPixels.From(pixels, hasAlpha);
        return encoding == ImageEncoding.Png
            ? image.WebpsaveBuffer(q: LosslessEffort, lossless: true, effort: Method, keep: Enums.ForeignKeep.None)
            : image.WebpsaveBuffer(q: quality, effort: Method, keep: Enums.ForeignKeep.None);
    }
}
