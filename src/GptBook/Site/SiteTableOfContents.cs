using System.Xml.Linq;
using GptBook.Html;

namespace GptBook.Site;

/// <summary>
/// The table of contents as nested lists of links, from the same <see cref="TableOfContents"/> the EPUB's nav uses.
/// <list type="bullet">
/// <item>Beside a chunk: the top-level entries, with only the branch that leads to the current chunk opened (its
/// link carries aria-current="page"); the whole list on every page would make a long book's site grow with the
/// square of its length. In a long book the entries before the current one are folded into one disclosure, so
/// that the reader's place is at the top of the sidebar when the page opens, with no script.</item>
/// <item>On the home page: everything, with each top-level entry's sections folded when the whole would be long,
/// so that a 40-chapter book's index is a page of chapters rather than a wall of 280 headings.</item>
/// </list>
/// </summary>
public static class SiteTableOfContents
{
    /// <summary>From this many top-level entries before the current one, they are folded in the sidebar.</summary>
    public const int FoldEarlierFrom = 5;

    /// <summary>Above this many entries in all, the home page folds each top-level entry's sections.</summary>
    public const int FoldSectionsAbove = 24;

    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <param name="entries">The book's <see cref="TableOfContents"/>, computed once for all pages.</param>
    /// <param name="current">The chunk being shown, or null on the home page (and other pages outside the chunks).</param>
    /// <param name="root">What links to the chunks start with (see <see cref="SiteFrame.Root"/>).</param>
    /// <param name="cssClass">Extra class for the nav element ("home-toc" on the home page).</param>
    public static XElement Build(IReadOnlyList<TocEntry> entries, Chunk? current, string heading, SiteLabels labels,
        string root = "", string? cssClass = null)
    {
        var headingId = SiteLayout.TocId + "-heading";
        var list = current == null ? FullList(entries, labels, root) : Sidebar(entries, current, labels, root);
        return new XElement(X + "nav",
            new XAttribute("id", SiteLayout.TocId),
            new XAttribute("class", cssClass == null ? "toc" : "toc " + cssClass),
            new XAttribute("aria-labelledby", headingId),
            new XElement(X + "div", new XAttribute("class", "toc-panel"),
                new XElement(X + "h2", new XAttribute("id", headingId), new XAttribute("class", "toc-heading"), heading),
                list));
    }

    private static XElement Sidebar(IReadOnlyList<TocEntry> entries, Chunk current, SiteLabels labels, string root)
    {
        var items = entries.Select(e => Item(e, current, root)).ToList();
        var at = entries.ToList().FindIndex(e => Leads(e, current));
        if (at < FoldEarlierFrom) return new XElement(X + "ol", items);
        return new XElement(X + "ol",
            new XElement(X + "li", new XAttribute("class", "toc-earlier"),
                new XElement(X + "details",
                    new XElement(X + "summary", labels.EarlierChapters(at)),
                    new XElement(X + "ol", items.Take(at)))),
            items.Skip(at));
    }

    private static XElement FullList(IReadOnlyList<TocEntry> entries, SiteLabels labels, string root)
    {
        var fold = Count(entries) > FoldSectionsAbove;
        return new XElement(X + "ol", entries.Select(e => new XElement(X + "li",
            Link(e, null, root),
            e.Children.Count == 0 ? null
            : fold ? new XElement(X + "details", new XAttribute("class", "toc-sections"),
                new XElement(X + "summary", labels.SectionCount(Count(e.Children))),
                Nested(e.Children, root))
            : Nested(e.Children, root))));
    }

    private static XElement Nested(IEnumerable<TocEntry> entries, string root) =>
        new(X + "ol", entries.Select(e => new XElement(X + "li", Link(e, null, root), e.Children.Count > 0 ? Nested(e.Children, root) : null)));

    private static XElement Item(TocEntry entry, Chunk current, string root) =>
        new(X + "li",
            Link(entry, current, root),
            entry.Children.Count > 0 && Leads(entry, current)
                ? new XElement(X + "ol", entry.Children.Select(c => Item(c, current, root)))
                : null);

    private static XElement Link(TocEntry entry, Chunk? current, string root) =>
        new(X + "a",
            new XAttribute("href", root + entry.Href),
            entry.Chunk == current && entry.Chunk.Heading == entry.Heading ? new XAttribute("aria-current", "page") : null,
            entry.Title.Length > 0 ? entry.Title : entry.Href);

    /// <summary>True when the entry is the current chunk's or one of its descendants is.</summary>
    private static bool Leads(TocEntry entry, Chunk current) =>
        entry.Chunk == current || entry.Children.Any(c => Leads(c, current));

    private static int Count(IEnumerable<TocEntry> entries) => entries.Sum(e => 1 + Count(e.Children));
}
