using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// Writes a prepared image: 8-bit sRGB PNG or JPEG, with the DPI in its header (pHYs, JFIF density) and no other
/// metadata. A PNG may be indexed (<c>indexed</c>; not for print, whose RGB files the PDF embeds without decoding)
/// when the image has at most 256 colours or a visually equal palette (<see cref="PngPalette"/>); else it is RGB,
/// or RGBA when any pixel is translucent. It is written
/// by <see cref="PngFileWriter"/>, which writes no chunk but those. For a JPEG the pixels are copied into a fresh
/// image first, so nothing the source carried (EXIF with GPS, XMP, IPTC, ICC, comments) can reach the encoder,
/// whatever the decoder kept.
/// </summary>
internal static class PreparedImageWriter
{
    /// <returns>Whether the file is an indexed PNG.</returns>
    public static bool Write(Image<Rgba32> pixels, ImageEncoding encoding, double dpi, int jpegQuality, bool indexed, string path)
    {
        var wroteIndexed = false;
        AtomicFile.Write(path, stream => wroteIndexed = Encode(pixels, encoding, dpi, jpegQuality, indexed, stream), durable: false);
        return wroteIndexed;
    }

    /// <summary>The same encoding into a stream (an SVG's embedded bitmap, which lives inside the SVG file).</summary>
    /// <returns>Whether the file is an indexed PNG.</returns>
    public static bool Encode(Image<Rgba32> pixels, ImageEncoding encoding, double dpi, int jpegQuality, bool indexed, Stream output)
    {
        if (encoding == ImageEncoding.Png)
        {
            var palette = indexed ? PngPalette.ExactOrVisuallyEqual(pixels) : null;
            if (palette != null)
                PngFileWriter.WriteIndexed(output, pixels.Width, pixels.Height, palette.Colours, palette.Row, dpi);
            else
                PngFileWriter.WriteTruecolour(output, pixels.Width, pixels.Height, ImageEncodingChooser.HasAnyAlpha(pixels),
                    y => pixels.DangerousGetPixelRowMemory(y).Span, dpi);
            return palette != null;
        }
        using var clean = new Image<Rgba32>(ImageDecoding.Configuration, pixels.Width, pixels.Height);
        pixels.ProcessPixelRows(clean, (source, target) =>
        {
            for (var y = 0; y < source.Height; y++)
                source.GetRowSpan(y).CopyTo(target.GetRowSpan(y));
        });
        clean.Metadata.ResolutionUnits = PixelResolutionUnit.PixelsPerInch;
        clean.Metadata.HorizontalResolution = dpi;
        clean.Metadata.VerticalResolution = dpi;
        clean.Save(output, new JpegEncoder { Quality = jpegQuality, ColorType = JpegColorType.YCbCrRatio420 });
        return false;
    }

    public static string MediaType(ImageEncoding encoding) => encoding == ImageEncoding.Png ? "image/png" : "image/jpeg";

    public static string Extension(ImageEncoding encoding) => encoding == ImageEncoding.Png ? ".png" : ".jpg";
}
