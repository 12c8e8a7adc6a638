using System.Xml.Linq;
using GptBook.Html;
using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// The table of contents as a nested list of links: every chunk, and the headings inside it down to the TOC depth,
/// nested by heading level. The same list appears on the home page and beside every chunk, where the current
/// chunk's link carries aria-current="page" (and the stylesheet marks it).
/// </summary>
public static class SiteTableOfContents
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    private sealed record Entry(int Level, string Text, string Href, Chunk Chunk, bool StartsChunk)
    {
        public List<Entry> Children { get; } = [];
    }

    /// <param name="current">The chunk being shown, or null on the home page.</param>
    /// <param name="cssClass">Extra class for the nav element ("home-toc" on the home page).</param>
    public static XElement Build(ChunkedBook book, int tocDepth, Chunk? current, string heading, string? cssClass = null)
    {
        var roots = Nest(Entries(book, tocDepth));
        var headingId = SiteLayout.TocId + "-heading";
        return new XElement(X + "nav",
            new XAttribute("id", SiteLayout.TocId),
            new XAttribute("class", cssClass == null ? "toc" : "toc " + cssClass),
            new XAttribute("aria-labelledby", headingId),
            new XElement(X + "div", new XAttribute("class", "toc-panel"),
                new XElement(X + "h2", new XAttribute("id", headingId), new XAttribute("class", "toc-heading"), heading),
                List(roots, current)));
    }

    private static IEnumerable<Entry> Entries(ChunkedBook book, int tocDepth)
    {
        foreach (var chunk in book.Chunks)
        {
            // A chunk that doesn't open with a heading (text before a chapter's first heading) is still a page.
            if (chunk.Heading == null)
                yield return new Entry(1, chunk.Title, chunk.FileName, chunk, StartsChunk: true);
            foreach (var heading in chunk.Blocks.OfType<Heading>())
            {
                var startsChunk = ReferenceEquals(heading, chunk.Heading);
                if (!startsChunk && heading.Level > tocDepth) continue;
                var href = startsChunk ? chunk.FileName : chunk.FileName + "#" + heading.Id;
                yield return new Entry(heading.Level, heading.PlainText, href, chunk, startsChunk);
            }
        }
    }

    private static List<Entry> Nest(IEnumerable<Entry> entries)
    {
        var roots = new List<Entry>();
        var open = new Stack<Entry>();
        foreach (var entry in entries)
        {
            while (open.Count > 0 && open.Peek().Level >= entry.Level) open.Pop();
            (open.Count > 0 ? open.Peek().Children : roots).Add(entry);
            open.Push(entry);
        }
        return roots;
    }

    private static XElement List(IEnumerable<Entry> entries, Chunk? current) =>
        new(X + "ol", entries.Select(e => new XElement(X + "li",
            new XElement(X + "a",
                new XAttribute("href", e.Href),
                e.StartsChunk && e.Chunk == current ? new XAttribute("aria-current", "page") : null,
                e.Text.Length > 0 ? e.Text : e.Href),
            e.Children.Count > 0 ? List(e.Children, current) : null)));
}
