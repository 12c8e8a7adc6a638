using GptBook.Diagnostics;
using GptBook.Html;
using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// This build's addresses: every page at its name, and every address published before that is not a page any more
/// as a redirect to where what it showed is now. Matched by the heading the old page opened with (so a renamed
/// chapter file or a changed slug is followed), else by its chapter file (so a renamed heading still leads to its
/// chapter). The first build that keeps a map seeds it with the names earlier versions of GptBook gave the same
/// pages (<c>ch001-…</c>), so a site published before keeps its links.
/// </summary>
public sealed class SiteAddressPlan
{
    /// <param name="Address">The old page name.</param>
    /// <param name="Href">Where it leads now: a page, or a page and the heading's fragment.</param>
    /// <param name="Title">What the reader is sent to: the page's title.</param>
    public sealed record Redirect(string Address, string Href, string Title);

    private SiteAddressPlan(SiteAddressMap map, IReadOnlyList<Redirect> redirects)
    {
        Map = map;
        Redirects = redirects;
    }

    /// <summary>The map to keep: the pages of this build and every older address, each with what it shows now.</summary>
    public SiteAddressMap Map { get; }

    public IReadOnlyList<Redirect> Redirects { get; }

    /// <param name="previous">The map of earlier builds, or null for the book's first build that keeps one.</param>
    /// <param name="legacy">The same book chunked with the names earlier versions used, chunk for chunk.</param>
    public static SiteAddressPlan Make(SiteAddressMap? previous, ChunkedBook chunked, ChunkedBook legacy, DiagnosticBag diagnostics)
    {
        var map = new SiteAddressMap();
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in chunked.Chunks)
        {
            map.Set(chunk.FileName, TargetOf(chunk));
            pages.Add(chunk.FileName);
        }
        var older = previous?.Entries
            ?? legacy.Chunks.Zip(chunked.Chunks).ToDictionary(p => p.First.FileName, p => TargetOf(p.Second), StringComparer.Ordinal);

        var redirects = new List<Redirect>();
        foreach (var (address, target) in older.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (pages.Contains(address) || IsReserved(address)) continue;
            var found = Resolve(target, chunked);
            if (found == null)
            {
                map.Set(address, target); // kept: should the chapter come back, the address works again
                diagnostics.Report(DiagnosticCodes.SiteAddressGone, new SourceSpan(SiteAddressMap.FileName, 0, 0),
                    $"the address {address} showed {target.File}{(target.Heading == null ? "" : "#" + target.Heading)}, which is no longer in the book; " +
                    $"readers who follow it get 404.html (delete its entry from {SiteAddressMap.FileName} to stop this message)");
                continue;
            }
            map.Set(address, found.Value.Target);
            redirects.Add(new Redirect(address, found.Value.Href, found.Value.Title));
        }
        return new SiteAddressPlan(map, redirects);
    }

    private static SiteAddressMap.Target TargetOf(Chunk chunk) => new(chunk.Chapter.SourceFile, chunk.Heading?.Id);

    private static (SiteAddressMap.Target Target, string Href, string Title)? Resolve(SiteAddressMap.Target target, ChunkedBook book)
    {
        if (target.Heading != null)
        {
            var opening = book.Chunks.FirstOrDefault(c => c.Heading?.Id == target.Heading);
            if (opening != null) return (TargetOf(opening), opening.FileName, opening.Title);
            if (book.ChunkOf(target.Heading) is { } holder && book.Book.Headings().Any(h => h.Id == target.Heading))
                return (new SiteAddressMap.Target(holder.Chapter.SourceFile, target.Heading), holder.FileName + "#" + target.Heading, holder.Title);
        }
        var chapter = book.Chunks.FirstOrDefault(c => c.Chapter.SourceFile == target.File);
        return chapter == null ? null : (TargetOf(chapter), chapter.FileName, chapter.Title);
    }

    private static bool IsReserved(string address) =>
        SiteChunkNames.Reserved.Any(r => address.Equals(r + SiteWriter.PageExtension, StringComparison.OrdinalIgnoreCase));
}
