using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// The site's WebP copy of a prepared PNG or JPEG, written beside it (same name, ".webp" added): lossless for what
/// the stage keeps as PNG (drawings, charts, transparency: exact pixels, about half the PNG's bytes), lossy at the
/// JPEG quality for photographs. Browsers that cannot show WebP take the PNG or JPEG from the same
/// &lt;picture&gt;. A copy that comes out no smaller than its original is not kept: it would only cost bytes.
/// Only the pixels are encoded, so no metadata reaches the file, as for the original.
/// <para>Lossy copies are encoded by libwebp inside SkiaSharp: the same size as ImageSharp 2.1's managed port for
/// about a ninth of the CPU (README, Performance). Lossless copies stay with ImageSharp: Skia runs libwebp's
/// lossless coder only at its fastest method, whose files came out no smaller than our PNGs for the article's
/// charts, while ImageSharp's search makes them about 40 % of the PNG.</para>
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
        AtomicFile.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A WebP width with no PNG or JPEG beside it (the site offers other widths only as WebP once the
    /// main width's copy was smaller), named as its sibling would be: <paramref name="originalPath"/> + ".webp".</summary>
    /// <returns>The WebP file's path.</returns>
    public static string WriteAlone(Image<Rgba32> pixels, ImageEncoding encoding, bool hasAlpha, int quality, string originalPath)
    {
        var path = originalPath + ".webp";
        AtomicFile.WriteAllBytes(path, Encode(pixels, encoding, hasAlpha, quality));
        return path;
    }

    private static byte[] Encode(Image<Rgba32> pixels, ImageEncoding encoding, bool hasAlpha, int quality) =>
        encoding == ImageEncoding.Png ? Lossless(pixels) : Lossy(pixels, hasAlpha, quality);

    private static byte[] Lossless(Image<Rgba32> pixels)
    {
        using var bytes = new MemoryStream();
        using (var clean = pixels.Clone())
        {
            clean.Metadata.ExifProfile = null;
            clean.Metadata.IccProfile = null;
            clean.Metadata.XmpProfile = null;
            // Method 1 instead of the default 4: on the article's charts at the four site widths 0.76× the CPU for
            // files 0.7 % larger (1 December, one run, thread CPU time).
            clean.Save(bytes, new WebpEncoder { FileFormat = WebpFileFormatType.Lossless, Method = WebpEncodingMethod.Level1 });
        }
        return bytes.ToArray();
    }

    private static byte[] Lossy(Image<Rgba32> pixels, bool hasAlpha, int quality)
    {
        using var bitmap = SkiaPixels.From(pixels, hasAlpha);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality))
            ?? throw new InvalidOperationException("libwebp could not encode the image");
        return data.ToArray();
    }
}
