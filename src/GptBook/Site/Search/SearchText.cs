using System.Text;

namespace GptBook.Site.Search;

/// <summary>
/// The one definition of text for search, mirrored line for line by site.js (fold, isIdeographic, isWordChar): what
/// the build indexes is what the browser looks for.
/// <list type="bullet">
/// <item>Folding: full-width ASCII to ASCII, then lower case, one character for one, so that a match's position in
/// folded text is its position in the original (for highlighting).</item>
/// <item>Ideographic characters (Han, kana, hangul) are written without spaces between words: they are indexed as
/// overlapping pairs ("大语言模型" → 大语, 语言, 言模, 模型), which find any word of two or more characters without a
/// dictionary.</item>
/// <item>Other letters and digits form words, indexed whole; a query word finds the words it begins.</item>
/// </list>
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var r = rune.Value is >= 0xFF01 and <= 0xFF5E ? new Rune(rune.Value - 0xFEE0) : rune;
            var lower = Rune.ToLowerInvariant(r);
            sb.Append((lower.Utf16SequenceLength == r.Utf16SequenceLength ? lower : r).ToString());
        }
        return sb.ToString();
    }

    public static bool IsIdeographic(int codePoint) => codePoint is
        >= 0x3040 and <= 0x30FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or
        >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x323AF;

    public static bool IsWordChar(Rune rune) => Rune.IsLetterOrDigit(rune) && !IsIdeographic(rune.Value);

    /// <summary>The keys that text is found under: each ideographic pair, and each word, in order of appearance.</summary>
    public static void Keys(string folded, ICollection<string> pairs, ICollection<string> words)
    {
        Rune? previousIdeograph = null;
        var word = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (IsIdeographic(rune.Value))
            {
                if (previousIdeograph is { } p) pairs.Add(p.ToString() + rune.ToString());
                previousIdeograph = rune;
            }
            else previousIdeograph = null;
            if (IsWordChar(rune)) word.Append(rune.ToString());
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
    }
}
