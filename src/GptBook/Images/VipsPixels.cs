using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using VipsImage = NetVips.Image;

namespace GptBook.Images;

/// <summary>
/// Hands pixels that ImageSharp decoded (behind the stage's guards: pixel limit, EXIF rotation, colour profile)
/// and resized to libvips, whose libwebp encodes the site's WebP copies: 8-bit sRGB, three bands for an opaque
/// image and four (unpremultiplied) for a translucent one. An image made here carries no metadata, so the encoder
/// can write none.
/// </summary>
internal static class VipsPixels
{
    static VipsPixels()
    {
        // The stage keeps its own cache on disk; libvips' operation cache would only hold memory between images.
        NetVips.Cache.Max = 0;
        NetVips.Cache.MaxFiles = 0;
        NetVips.Cache.MaxMem = 0;
        // The stage prepares images on every core already; libvips' own worker threads would only compete with it.
        NetVips.NetVips.Concurrency = 1;
    }

    public static VipsImage From(Image<Rgba32> image, bool hasAlpha)
    {
        var bytes = new byte[checked(image.Width * image.Height * 4)];
        image.CopyPixelDataTo(bytes);
        using var rgba = VipsImage.NewFromMemory(bytes, image.Width, image.Height, 4, NetVips.Enums.BandFormat.Uchar);
        if (hasAlpha) return rgba.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        using var rgb = rgba.ExtractBand(0, 3);
        return rgb.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
    }
}
