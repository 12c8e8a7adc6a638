using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace GptBook.Site;

/// <summary>
/// Reads the cover picture out of a built EPUB (container.xml → package document → the manifest item with
/// properties="cover-image"), so that the site's home page shows exactly the cover the EPUB has, whether it was
/// configured or drawn, without drawing it twice. Anything unexpected gives null and the site falls back to its
/// title card; the entry is read only up to a size limit.
/// </summary>
public static class EpubCoverReader
{
    private const long MaxCoverBytes = 32L * 1024 * 1024;

    public static byte[]? Read(string epubPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(epubPath);
            var container = Load(zip, "META-INF/container.xml");
            var packagePath = container?.Descendants().FirstOrDefault(e => e.Name.LocalName == "rootfile")?.Attribute("full-path")?.Value;
            if (packagePath == null) return null;
            var package = Load(zip, packagePath);
            var item = package?.Descendants().FirstOrDefault(e => e.Name.LocalName == "item"
                && (e.Attribute("properties")?.Value ?? "").Split(' ').Contains("cover-image"));
            var href = item?.Attribute("href")?.Value;
            if (href == null || href.Contains("..") || href.Contains(':')) return null;
            var folder = packagePath.Contains('/') ? packagePath[..(packagePath.LastIndexOf('/') + 1)] : "";
            var entry = zip.GetEntry(folder + Uri.UnescapeDataString(href));
            if (entry == null || entry.Length > MaxCoverBytes) return null;
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or XmlException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static XDocument? Load(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path);
        if (entry == null || entry.Length > MaxCoverBytes) return null;
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }
}
