using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// The site's WebP copy of a prepared PNG or JPEG, written beside it (same name, ".webp" added): lossless for what
/// the stage keeps as PNG (drawings, charts, transparency: exact pixels, about half the PNG's bytes), lossy at the
/// JPEG quality for photographs. Browsers that cannot show WebP take the PNG or JPEG from the same
/// &lt;picture&gt;. A copy that comes out no smaller than its original is not kept: it would only cost bytes.
/// Only the pixels are encoded, so no metadata reaches the file, as for the original.
/// </summary>
internal static class WebPSiblingWriter
{
    public const string MediaType = "image/webp";

    /// <returns>The WebP file's path, or null when it was not smaller than <paramref name="originalPath"/>.</returns>
    public static string? Write(Image<Rgba32> pixels, ImageEncoding encoding, int quality, string originalPath)
    {
        var encoder = encoding == ImageEncoding.Png
            ? new WebpEncoder { FileFormat = WebpFileFormatType.Lossless }
            : new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = quality };
        using var bytes = new MemoryStream();
        using (var clean = pixels.Clone())
        {
            clean.Metadata.ExifProfile = null;
            clean.Metadata.IccProfile = null;
            clean.Metadata.XmpProfile = null;
            clean.Save(bytes, encoder);
        }
        if (bytes.Length >= new FileInfo(originalPath).Length) return null;
        var path = originalPath + ".webp";
        AtomicFile.WriteAllBytes(path, bytes.ToArray());
        return path;
    }
}
