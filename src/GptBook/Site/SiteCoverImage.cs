using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptBook.Site;

/// <summary>
/// The EPUB's cover picture, made fit for the home page: scaled to the width it is shown at (and twice that for
/// high-density screens) and stored as JPEG, so a 1600 × 2400 cover doesn't cost the reader a megabyte.
/// Deterministic: the same picture gives the same files.
/// </summary>
public static class SiteCoverImage
{
    /// <summary>The 1× width in CSS pixels; the stylesheet shows the cover at most 13rem (208 px) wide.</summary>
    public const int DisplayWidth = 240;

    public sealed record Prepared(string Src, string SrcSet, int Width, int Height);

    /// <returns>The written files' hrefs and the 1× size, or null if the picture cannot be decoded.</returns>
    public static Prepared? Write(byte[] picture, string siteDirectory)
    {
        Image<Rgb24> source;
        try { source = Image.Load<Rgb24>(picture); }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException) { return null; }
        using (source)
        {
            var folder = Path.Combine(siteDirectory, SiteImageFiles.Folder);
            Directory.CreateDirectory(folder);
            var height = (int)Math.Round((double)source.Height * DisplayWidth / source.Width);
            var oneX = Scaled(source, DisplayWidth, height, folder);
            var twoX = Scaled(source, DisplayWidth * 2, height * 2, folder);
            return new Prepared(oneX, $"{oneX} 1x, {twoX} 2x", DisplayWidth, height);
        }
    }

    private static string Scaled(Image<Rgb24> source, int width, int height, string folder)
    {
        using var scaled = source.Clone(x => x.Resize(Math.Min(width, source.Width), Math.Min(height, source.Height), KnownResamplers.Lanczos3));
        using var stream = new MemoryStream();
        scaled.SaveAsJpeg(stream, new JpegEncoder { Quality = 85 });
        var bytes = stream.ToArray();
        var name = "cover-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + ".jpg";
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return SiteImageFiles.Folder + "/" + name;
    }
}
