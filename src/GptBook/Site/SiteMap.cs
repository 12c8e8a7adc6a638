using System.Globalization;
using System.Text;
using System.Xml;

namespace GptBook.Site;

/// <summary>
/// sitemap.xml (the sitemaps.org protocol) and a robots.txt that points to it, written only when the published
/// address is known, since both need absolute URLs. Lists the home page and every chapter page, each with the
/// book's date as its last modification (deterministic: no clock).
/// </summary>
public static class SiteMap
{
    public const string FileName = "sitemap.xml";
    public const string RobotsFile = "robots.txt";

    public static void Write(string directory, SiteFrame frame, IEnumerable<string> pageFiles)
    {
        if (frame.BaseUrl == null) return;
        var lastModified = frame.Metadata.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(Path.Combine(directory, FileName), settings))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var file in pageFiles)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", frame.AbsoluteUrl(file));
                xml.WriteElementString("lastmod", lastModified);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        File.WriteAllText(Path.Combine(directory, RobotsFile), $"User-agent: *\nAllow: /\n\nSitemap: {frame.AbsoluteUrl(FileName)}\n", new UTF8Encoding(false));
    }
}
