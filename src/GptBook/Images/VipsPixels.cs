using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using VipsImage = NetVips.Image;

namespace GptBook.Images;

/// <summary>
/// Moves decoded pixels between ImageSharp, which decodes a book's files behind the stage's guards (pixel limit,
/// EXIF rotation, colour profile), and libvips, which resizes and encodes them: 8-bit sRGB, three bands for an
/// opaque image and four (unpremultiplied) for a translucent one. An image made here carries no metadata, so no
/// encoder can write any.
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

    /// <summary>The pixels back as an ImageSharp image (for the palette search of an indexed PNG).</summary>
    public static Image<Rgba32> ToImageSharp(VipsImage image)
    {
        using var rgba = image.Bands == 4 ? image.Copy() : image.Bandjoin(255);
        return Image.LoadPixelData<Rgba32>(ImageDecoding.Configuration, rgba.WriteToMemory<byte>(), image.Width, image.Height);
    }
}
