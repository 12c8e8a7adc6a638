using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using GptBook.Images;
using GptBook.IO;

namespace GptBook.Site;

/// <summary>
/// The cover picture, made fit for the home page: scaled to the width it is shown at (and twice that for
/// high-density screens) and stored as JPEG, so a 1600 × 2400 cover doesn't cost the reader a megabyte.
/// Deterministic: the same picture gives the same files.
/// </summary>
public static class SiteCoverImage
{
    /// <summary>The 1× width in CSS pixels; the stylesheet shows the cover at most 13rem (208 px) wide.</summary>
    public const int DisplayWidth = 240;

    /// <param name="LargestSrc">The 2× file: what a link preview (OpenGraph, Twitter card) shows.</param>
    public sealed record Prepared(string Src, string SrcSet, int Width, int Height, string LargestSrc);

    /// <returns>The written files' hrefs and the 1× size, or null if the picture cannot be decoded.</returns>
    /// <param name="cache">Keeps the scaled JPEGs between builds, keyed by the picture's hash: scaling a
    /// 1600 × 2400 cover costs more than writing the rest of the site.</param>
    public static Prepared? Write(byte[] picture, string siteDirectory, DerivedFileCache? cache = null)
    {
        var packed = (cache ?? DerivedFileCache.None).GetOrCreate("site-cover",
            [Convert.ToHexStringLower(SHA256.HashData(picture)), DisplayWidth.ToString(CultureInfo.InvariantCulture)], () => Pack(picture));
        var scaled = Unpack(packed);
        if (scaled.Count < 2) return null; // the picture could not be decoded
        var folder = Path.Combine(siteDirectory, SiteImageFiles.Folder);
        Directory.CreateDirectory(folder);
        var hrefs = scaled.Select(s => Save(s.Jpeg, folder, ".jpg")).ToArray();
        return new Prepared(hrefs[0], $"{hrefs[0]} 1x, {hrefs[1]} 2x", scaled[0].Width, scaled[0].Height, hrefs[1]);
    }

    /// <summary>A sanitized SVG cover (from the image stage) as it is: it is sharp at any width.</summary>
    public static Prepared WriteSvg(byte[] svg, int width, int height, string siteDirectory)
    {
        var folder = Path.Combine(siteDirectory, SiteImageFiles.Folder);
        Directory.CreateDirectory(folder);
        var href = Save(svg, folder, ".svg");
        var shownHeight = width > 0 ? (int)Math.Round((double)DisplayWidth * height / width) : DisplayWidth;
        return new Prepared(href, href + " 1x", DisplayWidth, Math.Max(1, shownHeight), href);
    }

    /// <summary>The 1× and 2× JPEGs in one array, each as width, height, length and bytes (empty when the picture
    /// cannot be decoded), so that the cache holds one entry per cover.</summary>
    private static byte[] Pack(byte[] picture)
    {
        var scaled = JpegThumbnailer.Scale(picture, [DisplayWidth, DisplayWidth * 2]);
        if (scaled == null) return [];
        using var packed = new MemoryStream();
        Span<byte> header = stackalloc byte[12];
        foreach (var (jpeg, width, height) in scaled)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header, width);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], height);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], jpeg.Length);
            packed.Write(header);
            packed.Write(jpeg);
        }
        return packed.ToArray();
    }

    private static List<(byte[] Jpeg, int Width, int Height)> Unpack(byte[] packed)
    {
        var scaled = new List<(byte[], int, int)>();
        for (var at = 0; at + 12 <= packed.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(at + 8));
            if (length < 0 || at + 12 + length > packed.Length) return []; // a damaged entry: treated as undecodable
            scaled.Add((packed.AsSpan(at + 12, length).ToArray(), BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(at)),
                BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(at + 4))));
            at += 12 + length;
        }
        return scaled;
    }

    private static string Save(byte[] picture, string folder, string extension)
    {
        var name = "cover-" + Convert.ToHexStringLower(SHA256.HashData(picture))[..16] + extension;
        File.WriteAllBytes(Path.Combine(folder, name), picture);
        return SiteImageFiles.Folder + "/" + name;
    }
}
