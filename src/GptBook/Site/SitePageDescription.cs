using GptBook.Html;
using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// A page's one-line summary for search engines and link previews (meta description, og:description): the first
/// paragraph of its text, whitespace collapsed, cut at the end of a sentence when one ends in time, else at a
/// length that search results show in full (about 120 characters; Han characters count as one each).
/// </summary>
public static class SitePageDescription
{
    public const int MaxLength = 120;
    private const int MinSentence = 40;

    /// <returns>The summary, or null when the blocks hold no paragraph with text.</returns>
    public static string? Of(IEnumerable<Block> blocks)
    {
        var first = blocks.SelectMany(b => b.DescendantsAndSelf()).OfType<Paragraph>()
            .Select(p => Collapse(XmlCharacters.Clean(Inline.PlainText(p.Content))))
            .FirstOrDefault(t => t.Length > 0);
        return first == null ? null : Shorten(first);
    }

    public static string Shorten(string text)
    {
        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        if (elements.Length <= MaxLength) return text;
        var cut = elements[MaxLength - 1];
        var sentenceEnd = text.LastIndexOfAny(['。', '！', '？', '；', '.', '!', '?'], cut);
        if (sentenceEnd >= elements[Math.Min(MinSentence, elements.Length - 1)])
            return text[..(sentenceEnd + 1)];
        return text[..cut].TrimEnd() + "…";
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
