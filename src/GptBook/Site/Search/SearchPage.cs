using System.Xml.Linq;

namespace GptBook.Site.Search;

/// <summary>
/// search.html: a search box, a live region that says how many results a query found (or that it found none), and
/// the results list, all filled in by site.js from the index this page carries. Without a script the page says that
/// search needs one and leads to the contents; the rest of the site reads fully without it.
/// </summary>
public static class SearchPage
{
    public const string FileName = "search.html";
    public const string IndexElementId = "search-index";

    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    public static XElement Main(SiteFrame frame)
    {
        var words = frame.SiteLabels;
        return SiteLayout.Main(new XElement(X + "div", new XAttribute("class", "book-home search-page"),
            new XElement(X + "h1", words.SearchResults),
            new XElement(X + "div", new XAttribute("class", "search-page-box"), new XAttribute("role", "search"),
                new XElement(X + "label", new XAttribute("for", "search-input"), words.SearchPlaceholder),
                new XElement(X + "input", new XAttribute("id", "search-input"), new XAttribute("type", "search"),
                    new XAttribute("autocomplete", "off"), new XAttribute("spellcheck", "false"))),
            new XElement(X + "p", new XAttribute("class", "search-needs-script"), words.SearchNeedsScript, " ",
                new XElement(X + "a", new XAttribute("href", SiteWriter.IndexFile + "#" + SiteLayout.TocId), frame.Labels.TableOfContents)),
            new XElement(X + "p", new XAttribute("id", "search-status"), new XAttribute("class", "search-status"), new XAttribute("role", "status"),
                new XAttribute("data-none", words.SearchNone), new XAttribute("data-found", words.SearchFound)),
            new XElement(X + "ol", new XAttribute("id", "search-results"), new XAttribute("class", "search-results"))));
    }

    /// <summary>The index as a JSON data block: not run (the policy would refuse it), read by site.js.</summary>
    public static XElement IndexBlock(string json) =>
        new(X + "script", new XAttribute("type", "application/json"), new XAttribute("id", IndexElementId), json);
}
