using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// The site's WebP copy of a prepared PNG or JPEG, written beside it (same name, ".webp" added): lossless for what
/// the stage keeps as PNG (drawings, charts, transparency: exact visible pixels, smaller than a truecolour PNG), lossy at the
/// JPEG quality for photographs. Browsers that cannot show WebP take the PNG or JPEG from the same
/// &lt;picture&gt;. A copy that comes out no smaller than its original is not kept: it would only cost bytes.
/// Only the pixels are encoded, so no metadata reaches the file, as for the original.
/// <para>Both are encoded by libwebp inside SkiaSharp. Lossy: the same size as ImageSharp 2.1's managed port for
/// about a ninth of the CPU (README, Performance). Lossless: Skia runs libwebp's fastest method only, at the
/// effort of <see cref="LosslessEffort"/>; its files are larger than ImageSharp's managed lossless coder made
/// (which searched harder) but still smaller than our PNGs of truecolour drawings, at a seventh of the CPU, and
/// ImageSharp's coder was half of a cold image stage. Palette drawings get no WebP at all (their PNG is smaller).</para>
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
    /// libwebp's effort for lossless files (Skia fixes its method at 0, the fastest, and passes this as libwebp's
    /// quality, which for lossless is how hard it searches): on the 60-figure benchmark book's truecolour diagrams
    /// and screenshots at 720 and 1,440 px, 100 made files 0.90× the size of 75 for 1.6× its time, and took a seventh
    /// of the time ImageSharp's managed lossless coder took at its method 1, for files 1.4× as large (ImageSharp's
    /// PNGs of the same pixels were 1.18× as large; 1 December, one run).
    /// </summary>
    private const float LosslessEffort = 100;

    /// <summary>Both kinds are encoded by libwebp inside SkiaSharp, from the pixels alone (no metadata).</summary>
    private static byte[] Encode(Image<Rgba32> pixels, ImageEncoding encoding, bool hasAlpha, int quality)
    {
        using var bitmap = SkiaPixels.From(pixels, hasAlpha);
        using var pixmap = bitmap.PeekPixels();
        var options = encoding == ImageEncoding.Png
            ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, LosslessEffort)
            : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality);
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("libwebp could not encode the image");
        return data.ToArray();
    }
}
