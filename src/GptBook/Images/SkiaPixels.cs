using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace GptBook.Images;

/// <summary>
/// Hands decoded pixels to Skia's native encoders: a copy of an ImageSharp image as an 8-bit RGBA Skia bitmap with
/// no colour space, so Skia applies no colour conversion and writes no ICC profile (the stage's files carry no
/// metadata), and unpremultiplied alpha, as ImageSharp holds it.
/// </summary>
internal static class SkiaPixels
{
    public static SKBitmap From(Image<Rgba32> image, bool hasAlpha)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, hasAlpha ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        var bitmap = new SKBitmap(info);
        image.CopyPixelDataTo(bitmap.GetPixelSpan());
        return bitmap;
    }
}
