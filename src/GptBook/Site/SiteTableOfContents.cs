using System.Xml.Linq;
using GptBook.Html;

namespace GptBook.Site;

/// <summary>
/// The table of contents as nested lists of links, from the same <see cref="TableOfContents"/> the EPUB's nav uses.
/// The home page shows all of it. Beside a chunk it shows the top-level entries and opens only the branch that
/// leads to the current chunk, whose link carries aria-current="page": the whole list on every page would make a
/// long book's site grow with the square of its length (16 MB of sidebars at 80 chapters) and bury the reader's place.
/// </summary>
public static class SiteTableOfContents
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <param name="entries">The book's <see cref="TableOfContents"/>, computed once for all pages.</param>
    /// <param name="current">The chunk being shown, or null on the home page.</param>
    /// <param name="cssClass">Extra class for the nav element ("home-toc" on the home page).</param>
    public static XElement Build(IReadOnlyList<TocEntry> entries, Chunk? current, string heading, string? cssClass = null)
    {
        var headingId = SiteLayout.TocId + "-heading";
        return new XElement(X + "nav",
            new XAttribute("id", SiteLayout.TocId),
            new XAttribute("class", cssClass == null ? "toc" : "toc " + cssClass),
            new XAttribute("aria-labelledby", headingId),
            new XElement(X + "div", new XAttribute("class", "toc-panel"),
                new XElement(X + "h2", new XAttribute("id", headingId), new XAttribute("class", "toc-heading"), heading),
                List(entries, current)));
    }

    private static XElement List(IEnumerable<TocEntry> entries, Chunk? current) =>
        new(X + "ol", entries.Select(e => new XElement(X + "li",
            new XElement(X + "a",
                new XAttribute("href", e.Href),
                e.Chunk == current && e.Chunk.Heading == e.Heading ? new XAttribute("aria-current", "page") : null,
                e.Title.Length > 0 ? e.Title : e.Href),
            e.Children.Count > 0 && (current == null || Leads(e, current)) ? List(e.Children, current) : null)));

    /// <summary>True when the entry is the current chunk's or one of its descendants is.</summary>
    private static bool Leads(TocEntry entry, Chunk current) =>
        entry.Chunk == current || entry.Children.Any(c => Leads(c, current));
}
