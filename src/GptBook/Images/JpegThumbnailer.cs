using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Images;

/// <summary>
/// Scales a picture that isn't part of the book's text (the cover) to fixed widths, as JPEG, for a page that shows
/// it small. Never upscales. Each width is made as the image stage makes its sizes (<see cref="ResizeLadder"/>:
/// halved while that still covers it, then Lanczos-3), not by Lanczos-3 from the full picture, which cost as much
/// as the rest of the site on a cold cache. Deterministic: the same picture gives the same bytes.
/// </summary>
public static class JpegThumbnailer
{
    /// <returns>One JPEG per requested width, in order, or null if the picture cannot be decoded.</returns>
    /// <param name="maxPixels">A picture whose header claims more pixels is not decoded (a decompression bomb).</param>
    public static IReadOnlyList<(byte[] Jpeg, int Width, int Height)>? Scale(byte[] picture, IReadOnlyList<int> widths, int quality = 85,
        long maxPixels = 40_000_000)
    {
        Image<Rgba32> source;
        try
        {
            var info = Image.Identify(ImageDecoding.Configuration, picture, out _);
            if (info == null || info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > maxPixels) return null;
            source = Image.Load<Rgba32>(ImageDecoding.Configuration, picture);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException) { return null; }
        using (source)
        using (var ladder = new ResizeLadder(source))
        {
            return widths.Select(w =>
            {
                var width = Math.Min(w, source.Width);
                var height = (int)Math.Round((double)source.Height * width / source.Width);
                using var scaled = ladder.Resize(width, height);
                using var stream = new MemoryStream();
                (scaled ?? source).SaveAsJpeg(stream, new JpegEncoder { Quality = quality });
                return (stream.ToArray(), width, height);
            }).ToArray();
        }
    }
}
