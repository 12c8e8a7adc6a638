using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// Writes a prepared image: 8-bit sRGB PNG or JPEG, with the DPI in its header (pHYs, JFIF density) and no other
/// metadata. The pixels are copied into a fresh image first, so nothing the source carried (EXIF with GPS, XMP,
/// IPTC, ICC, PNG text, GIF comments) can reach the encoder, whatever the decoder kept.
/// </summary>
internal static class PreparedImageWriter
{
    public static void Write(Image<Rgba32> pixels, ImageEncoding encoding, double dpi, int jpegQuality, string path) =>
        AtomicFile.Write(path, stream => Encode(pixels, encoding, dpi, jpegQuality, stream));

    /// <summary>The same encoding into a stream (an SVG's embedded bitmap, which lives inside the SVG file).</summary>
    public static void Encode(Image<Rgba32> pixels, ImageEncoding encoding, double dpi, int jpegQuality, Stream output)
    {
        using var clean = new Image<Rgba32>(ImageDecoding.Configuration, pixels.Width, pixels.Height);
        pixels.ProcessPixelRows(clean, (source, target) =>
        {
            for (var y = 0; y < source.Height; y++)
                source.GetRowSpan(y).CopyTo(target.GetRowSpan(y));
        });
        clean.Metadata.ResolutionUnits = PixelResolutionUnit.PixelsPerInch;
        clean.Metadata.HorizontalResolution = dpi;
        clean.Metadata.VerticalResolution = dpi;
        IImageEncoder encoder = encoding == ImageEncoding.Png
            ? new PngEncoder
            {
                BitDepth = PngBitDepth.Bit8,
                ColorType = ImageEncodingChooser.HasAnyAlpha(clean) ? PngColorType.RgbWithAlpha : PngColorType.Rgb,
                ChunkFilter = PngChunkFilter.ExcludeTextChunks | PngChunkFilter.ExcludeExifChunk | PngChunkFilter.ExcludeGammaChunk,
            }
            : new JpegEncoder { Quality = jpegQuality, ColorType = JpegColorType.YCbCrRatio420 };
        clean.Save(output, encoder);
    }

    public static string MediaType(ImageEncoding encoding) => encoding == ImageEncoding.Png ? "image/png" : "image/jpeg";

    public static string Extension(ImageEncoding encoding) => encoding == ImageEncoding.Png ? ".png" : ".jpg";
}
