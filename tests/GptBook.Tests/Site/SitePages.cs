using System.Xml;
using System.Xml.Linq;

namespace GptBook.Tests.Site;

/// <summary>
/// A written site read back: every .html page parsed as XML (the site writes polyglot HTML5, so a page that an XML
/// parser rejects is already a failure), with helpers to enumerate the URLs it references.
/// </summary>
public sealed class SitePages
{
    public static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    public string Directory { get; }

    public IReadOnlyDictionary<string, XDocument> Pages { get; }

    public SitePages(string directory)
    {
        Directory = directory;
        Pages = System.IO.Directory.GetFiles(directory, "*.html")
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToDictionary(p => Path.GetFileName(p), Parse);
    }

    public static XDocument Parse(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        return XDocument.Load(reader);
    }

    /// <summary>Every (page, element, attribute, URL) a page references: href, src and each srcset candidate.</summary>
    public IEnumerable<(string Page, XElement Element, string Attribute, string Url)> References() =>
        from page in Pages
        from element in page.Value.Descendants()
        from attribute in element.Attributes()
        let name = attribute.Name.LocalName
        where name is "href" or "src" or "srcset"
        from url in name == "srcset"
            ? attribute.Value.Split(',').Select(c => c.Trim().Split(' ')[0])
            : [attribute.Value]
        select (page.Key, element, name, url);

    public static bool IsExternal(string url) =>
        url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// Fails unless the only scripts on the page are the site's own: site.js, loaded in the head, and on search.html
    /// the search index as a JSON data block (which never runs). Counts the raw text too, so that a script the XML
    /// view would not show (in a comment, say) cannot pass.
    /// </summary>
    public void AssertOnlyOwnScripts(string name)
    {
        var page = Pages[name];
        var scripts = page.Descendants(X + "script").ToArray();
        var head = page.Root!.Element(X + "head")!;
        Assert.Single(scripts, s => s.Parent == head && (string?)s.Attribute("src") == "site.js" && s.Value.Length == 0);
        var data = scripts.Where(s => s.Parent != head).ToArray();
        if (name == "search.html")
            Assert.True(data.Length == 1 && (string?)data[0].Attribute("type") == "application/json" && data[0].Attribute("src") == null, name);
        else Assert.Empty(data);
        var text = File.ReadAllText(Path.Combine(Directory, name));
        Assert.Equal(scripts.Length, System.Text.RegularExpressions.Regex.Count(text, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    public static IEnumerable<string> Ids(XDocument page) =>
        page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>();
}
