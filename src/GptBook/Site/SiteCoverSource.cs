using GptBook.Configuration;
using GptBook.Epub.Cover;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.IO;
using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// Where the home page's cover comes from: the configured cover as the image stage prepared it for the site
/// (within the pixel limit, sanitized if SVG), else the same cover the EPUB draws from the title (one drawing,
/// shared through the derived-file cache). Never the built EPUB, and never the configured file itself.
/// </summary>
internal static class SiteCoverSource
{
    /// <summary>The written cover files, or null for the title card.</summary>
    public static SiteCoverImage.Prepared? Write(Book book, BookOptions options, ImageCatalog images, FontSet? fonts, string siteDirectory,
        DerivedFileCache cache)
    {
        if (options.Epub.Cover is { Length: > 0 } configured
            && images.Find(configured, ImageProfile.Site) is { IsPlaceholder: false } prepared && File.Exists(prepared.Path))
        {
            var bytes = File.ReadAllBytes(prepared.Path);
            var written = prepared.MediaType == "image/svg+xml"
                ? SiteCoverImage.WriteSvg(bytes, prepared.PixelWidth, prepared.PixelHeight, siteDirectory)
                : SiteCoverImage.Write(bytes, siteDirectory, cache);
            if (written != null) return written;
        }
        if (fonts == null) return null;
        try
        {
            return SiteCoverImage.Write(DrawnCover.Png(book.Metadata, fonts, cache), siteDirectory, cache);
        }
        catch (Exception e) when (e is IOException or FontFormatException)
        {
            return null; // the EPUB reports a cover it cannot draw; the home page shows the title card
        }
    }
}
