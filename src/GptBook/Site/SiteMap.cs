using System.Globalization;
using System.Text;
using System.Xml;

namespace GptBook.Site;

/// <summary>
/// robots.txt, which lets every crawler in (crawlers and audits such as Lighthouse ask for it, and a host's
/// missing-page answer is no valid one), and when the published address is known sitemap.xml (the sitemaps.org
/// protocol), which needs absolute URLs, named in robots.txt. The sitemap lists the home page and every chapter
/// page, each with the book's date as its last modification (deterministic: no clock).
/// </summary>
public static class SiteMap
{
    public const string FileName = "sitemap.xml";
    public const string RobotsFile = "robots.txt";

    public static void Write(string directory, SiteFrame frame, IEnumerable<string> pageFiles)
    {
        const string allowAll = "User-agent: *\nAllow: /\n";
        if (frame.BaseUrl == null)
        {
            File.WriteAllText(Path.Combine(directory, RobotsFile), allowAll, new UTF8Encoding(false));
            return;
        }
        // lastmod is optional: a book that gives no date says nothing rather than the default behind its timestamps.
        var lastModified = frame.Metadata.HasDate ? frame.Metadata.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(Path.Combine(directory, FileName), settings))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var file in pageFiles)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", frame.AbsoluteUrl(file));
                if (lastModified != null) xml.WriteElementString("lastmod", lastModified);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        File.WriteAllText(Path.Combine(directory, RobotsFile), $"{allowAll}\nSitemap: {frame.AbsoluteUrl(FileName)}\n", new UTF8Encoding(false));
    }
}
