using System.Globalization;
using System.Text;

namespace GptBook.Transforms;

/// <summary>
/// The anchor GitHub gives a heading (github-slugger's rule), which the hand-made tables of contents of books
/// written for GitHub link to (<c>[1.1 记号约定](#11-记号约定-️)</c>): the text in lower case, letters, digits,
/// marks, "-" and "_" kept, each space a "-", everything else (punctuation, symbols, emoji) dropped. A repeated
/// slug gets -1, -2 … in reading order, as on GitHub.
/// </summary>
public static class GitHubHeadingSlug
{
    public static string Of(string text)
    {
        var sb = new StringBuilder();
        foreach (var rune in text.Trim().EnumerateRunes())
        {
            if (rune.Value == ' ') sb.Append('-');
            else if (rune.Value is '-' or '_' || Rune.IsLetterOrDigit(rune)) sb.Append(Rune.ToLowerInvariant(rune).ToString());
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Each heading's GitHub slug (with GitHub's -1, -2 … for repeats) → the heading's id in the book.</summary>
    public static Dictionary<string, string> Map(IEnumerable<(string Text, string Id)> headings)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, id) in headings)
        {
            var slug = Of(text);
            var n = seen.GetValueOrDefault(slug);
            seen[slug] = n + 1;
            map.TryAdd(n == 0 ? slug : $"{slug}-{n}", id);
        }
        return map;
    }
}
