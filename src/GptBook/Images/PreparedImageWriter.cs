using GptBook.IO;
using NetVips;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using VipsImage = NetVips.Image;

namespace GptBook.Images;

/// <summary>
/// Writes a prepared image: 8-bit sRGB PNG or JPEG, with the DPI in its header (pHYs, JFIF density) and no other
/// metadata. A PNG may be indexed (<c>indexed</c>; not for print, whose RGB files the PDF embeds without decoding)
/// when the image has at most 256 colours or a visually equal palette (<see cref="PngPalette"/>), written by
/// <see cref="PngFileWriter"/>; else it is RGB, or RGBA when the image has an alpha band, written by libvips'
/// libpng with adaptive filters at zlib's default level. A JPEG is written by libvips' mozjpeg at its fastest
/// profile with optimized Huffman tables and 4:2:0 chroma, with the DPI set in a JFIF header of our own
/// (<see cref="JfifDensity"/>): told to keep no metadata, libvips writes none. The pixels come from <see cref="VipsPixels"/>, which
/// carry no metadata, and every encoder is told to keep none, so nothing a source carried (EXIF with GPS, XMP,
/// IPTC, ICC, comments) can reach a file.
/// </summary>
internal static class PreparedImageWriter
{
    /// <summary>zlib's default level: level 9 saved under 1 % on the article's figures at twice the time.</summary>
    private const int PngCompression = 6;

    /// <returns>Whether the file is an indexed PNG.</returns>
    public static bool Write(VipsImage pixels, ImageEncoding encoding, double dpi, int jpegQuality, bool indexed, string path)
    {
        var wroteIndexed = false;
        AtomicFile.Write(path, stream => wroteIndexed = Encode(pixels, encoding, dpi, jpegQuality, indexed, stream), durable: false);
        return wroteIndexed;
    }

    /// <summary>The same for pixels ImageSharp holds (a drawn placeholder).</summary>
    public static bool Write(Image<Rgba32> pixels, ImageEncoding encoding, double dpi, int jpegQuality, bool indexed, string path)
    {
        using var image = VipsPixels.From(pixels, ImageEncodingChooser.HasAnyAlpha(pixels));
        return Write(image, encoding, dpi, jpegQuality, indexed, path);
    }

    /// <summary>The same encoding into a stream (an SVG's embedded bitmap, which lives inside the SVG file).</summary>
    /// <returns>Whether the file is an indexed PNG.</returns>
    public static bool Encode(Image<Rgba32> pixels, ImageEncoding encoding, double dpi, int jpegQuality, bool indexed, Stream output)
    {
        using var image = VipsPixels.From(pixels, ImageEncodingChooser.HasAnyAlpha(pixels));
        return Encode(image, encoding, dpi, jpegQuality, indexed, output);
    }

    /// <returns>Whether the file is an indexed PNG.</returns>
    public static bool Encode(VipsImage pixels, ImageEncoding encoding, double dpi, int jpegQuality, bool indexed, Stream output)
    {
        var pixelsPerMillimetre = dpi / 25.4;
        if (encoding == ImageEncoding.Png)
        {
            if (indexed)
            {
                using var sharp = VipsPixels.ToImageSharp(pixels);
                var palette = PngPalette.ExactOrVisuallyEqual(sharp);
                if (palette != null)
                {
                    PngFileWriter.WriteIndexed(output, pixels.Width, pixels.Height, palette.Colours, palette.Row, dpi);
                    return true;
                }
            }
            using var png = pixels.Copy(xres: pixelsPerMillimetre, yres: pixelsPerMillimetre);
            output.Write(png.PngsaveBuffer(compression: PngCompression, filter: Enums.ForeignPngFilter.All, keep: Enums.ForeignKeep.None));
            return false;
        }
        using var opaque = pixels.Bands == 4 ? pixels.ExtractBand(0, 3) : pixels.Copy();
        var jpeg = opaque.JpegsaveBuffer(q: jpegQuality, optimizeCoding: true, subsampleMode: Enums.ForeignSubsample.On,
            keep: Enums.ForeignKeep.None);
        output.Write(JfifDensity.Set(jpeg, dpi));
        return false;
    }

    public static string MediaType(ImageEncoding encoding) => encoding == ImageEncoding.Png ? "image/png" : "image/jpeg";

    public static string Extension(ImageEncoding encoding) => encoding == ImageEncoding.Png ? ".png" : ".jpg";
}
