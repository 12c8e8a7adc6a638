using System.Security.Cryptography;
using GptBook.Images;

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
        var scaled = JpegThumbnailer.Scale(picture, [DisplayWidth, DisplayWidth * 2]);
        if (scaled == null) return null;
        var folder = Path.Combine(siteDirectory, SiteImageFiles.Folder);
        Directory.CreateDirectory(folder);
        var hrefs = scaled.Select(s => Save(s.Jpeg, folder)).ToArray();
        return new Prepared(hrefs[0], $"{hrefs[0]} 1x, {hrefs[1]} 2x", scaled[0].Width, scaled[0].Height);
    }

    private static string Save(byte[] jpeg, string folder)
    {
        var name = "cover-" + Convert.ToHexStringLower(SHA256.HashData(jpeg))[..16] + ".jpg";
        File.WriteAllBytes(Path.Combine(folder, name), jpeg);
        return SiteImageFiles.Folder + "/" + name;
    }
}
