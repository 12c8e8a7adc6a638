using System.Globalization;
using GptBook.Html;

namespace GptBook.Site;

/// <summary>
/// The site's page names, which are its addresses and must not move when the book grows: a chapter's first page is
/// named after the chapter (the slug of its file name, or its <c>slug:</c> in book.yml: <c>gpt1-to-gpt4.html</c>),
/// a page split off at a heading after the heading's id (<c>发展历程.html</c>), which stays the same when text is added
/// above it. Never the position: a chapter inserted at the front changes no other address. Han characters stay as
/// they are, like the heading ids readers already see in links (browsers show them decoded; hosts serve them
/// percent-encoded). Should a section's name be a chapter's, it takes the chapter-prefixed form instead.
/// </summary>
public static class SiteChunkNames
{
    /// <summary>Longer names are cut (in text elements, so never inside a character): still unique, and a file
    /// name of at most about 200 bytes on every file system.</summary>
    public const int MaxLength = 60;

    /// <summary>The site's own files' names, which no page may take.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["index", "404", "search", "sitemap", "robots"];

    public static IEnumerable<string> Candidates(ChunkPlace place)
    {
        var chapter = FileSafe(place.Chapter.Id);
        if (place.OpensChapter || place.Heading == null)
        {
            yield return chapter;
            yield break;
        }
        var heading = FileSafe(place.Heading.Id);
        yield return heading;
        yield return Cut(chapter + "-" + heading);
    }

    /// <summary>
    /// The id without the "h-"/"c-" that ids get in front of a leading digit to be valid XML names (a file name
    /// need not be one: "01-intro.md" gives "01-intro.html"), cut to <see cref="MaxLength"/>.
    /// </summary>
    private static string FileSafe(string id)
    {
        if (id.Length > 2 && id[0] is 'h' or 'c' && id[1] == '-' && char.IsAsciiDigit(id[2])) id = id[2..];
        return Cut(id);
    }

    private static string Cut(string name)
    {
        var elements = StringInfo.ParseCombiningCharacters(name);
        return elements.Length <= MaxLength ? name : name[..elements[MaxLength]].TrimEnd('-', '.', '_');
    }
}
