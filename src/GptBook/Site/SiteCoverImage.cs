using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using GptBook.Publishing;
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
    /// <param name="cache">Keeps the two scaled JPEGs between builds, keyed by the picture's hash: scaling a
    /// 1600 × 2400 cover costs more than writing the rest of the site.</param>
    public static Prepared? Write(byte[] picture, string siteDirectory, DerivedFileCache? cache = null)
    {
        var packed = (cache ?? DerivedFileCache.None).GetOrCreate("site-cover",
            [Convert.ToHexStringLower(SHA256.HashData(picture)), DisplayWidth.ToString(CultureInfo.InvariantCulture)], () => Scale(picture));
        if (packed.Length < 8) return null; // the picture could not be decoded
        var height = BinaryPrimitives.ReadInt32LittleEndian(packed);
        var oneXLength = BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(4));
        var folder = Path.Combine(siteDirectory, SiteImageFiles.Folder);
        Directory.CreateDirectory(folder);
        var oneX = Save(packed.AsSpan(8, oneXLength), folder);
        var twoX = Save(packed.AsSpan(8 + oneXLength), folder);
        return new Prepared(oneX, $"{oneX} 1x, {twoX} 2x", DisplayWidth, height);
    }

    /// <summary>The 1× height, the 1× JPEG's length, the 1× and the 2× JPEG, in one array (empty if the picture
    /// cannot be decoded), so that the cache holds one entry per cover.</summary>
    private static byte[] Scale(byte[] picture)
    {
        Image<Rgb24> source;
        try { source = Image.Load<Rgb24>(picture); }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException) { return []; }
        using (source)
        {
            var height = (int)Math.Round((double)source.Height * DisplayWidth / source.Width);
            var oneX = Scaled(source, DisplayWidth, height);
            var twoX = Scaled(source, DisplayWidth * 2, height * 2);
            var packed = new byte[8 + oneX.Length + twoX.Length];
            BinaryPrimitives.WriteInt32LittleEndian(packed, height);
            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(4), oneX.Length);
            oneX.CopyTo(packed, 8);
            twoX.CopyTo(packed, 8 + oneX.Length);
            return packed;
        }
    }

    private static byte[] Scaled(Image<Rgb24> source, int width, int height)
    {
        using var scaled = source.Clone(x => x.Resize(Math.Min(width, source.Width), Math.Min(height, source.Height), KnownResamplers.Lanczos3));
        using var stream = new MemoryStream();
        scaled.SaveAsJpeg(stream, new JpegEncoder { Quality = 85 });
        return stream.ToArray();
    }

    private static string Save(ReadOnlySpan<byte> jpeg, string folder)
    {
        var name = "cover-" + Convert.ToHexStringLower(SHA256.HashData(jpeg))[..16] + ".jpg";
        File.WriteAllBytes(Path.Combine(folder, name), jpeg);
        return SiteImageFiles.Folder + "/" + name;
    }
}
