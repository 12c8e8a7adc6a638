using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptBook.Images;

/// <summary>
/// Scales a picture that isn't part of the book's text (the cover) to fixed widths, as JPEG, for a page that shows
/// it small. Never upscales. Deterministic: the same picture gives the same bytes.
/// </summary>
public static class JpegThumbnailer
{
    /// <returns>One JPEG per requested width, in order, or null if the picture cannot be decoded.</returns>
    /// <param name="maxPixels">A picture whose header claims more pixels is not decoded (a decompression bomb).</param>
    public static IReadOnlyList<(byte[] Jpeg, int Width, int Height)>? Scale(byte[] picture, IReadOnlyList<int> widths, int quality = 85,
        long maxPixels = 40_000_000)
    {
        Image<Rgb24> source;
        try
        {
            var info = Image.Identify(ImageDecoding.Configuration, picture, out _);
            if (info == null || info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > maxPixels) return null;
            source = Image.Load<Rgb24>(ImageDecoding.Configuration, picture);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException) { return null; }
        using (source)
        {
            return widths.Select(w =>
            {
                var width = Math.Min(w, source.Width);
                var height = (int)Math.Round((double)source.Height * width / source.Width);
                using var scaled = source.Clone(x => x.Resize(width, height, KnownResamplers.Lanczos3));
                using var stream = new MemoryStream();
                scaled.SaveAsJpeg(stream, new JpegEncoder { Quality = quality });
                return (stream.ToArray(), width, height);
            }).ToArray();
        }
    }
}
