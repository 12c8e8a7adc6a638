using System.Text;

namespace GptBook.Policies;

/// <summary>
/// The language of a passage written in another script than the book's, for its <c>lang</c> attribute, so that
/// read-aloud picks the right voice and hyphenation the right rules: in a Chinese (or Japanese, Korean) book, a
/// passage in Latin letters with no Han, kana or Hangul is taken as English, the language of the Latin quotations
/// such books carry; in any other book, a passage of Han characters is Chinese (Japanese if it has kana). Short
/// runs (a name, a number) are left to the book's language: they are read the same either way.
/// </summary>
public static class PassageLanguage
{
    private const int MinLatinLetters = 8;
    private const int MinHan = 4;

    /// <returns>The passage's language when it differs from the book's, else null.</returns>
    public static string? Of(string text, string bookLanguage)
    {
        int latin = 0, han = 0, kana = 0, hangul = 0, words = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var cp = rune.Value;
            var isLatin = IsLatinLetter(rune);
            if (isLatin) latin++;
            else if (CjkCharacters.IsHanIdeograph(cp)) han++;
            else if (cp is >= 0x3040 and <= 0x30FF) kana++;
            else if (cp is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF) hangul++;
            if (isLatin && !inWord) words++;
            inWord = isLatin;
        }
        var book = bookLanguage.ToLowerInvariant();
        var cjkBook = book.StartsWith("zh") || book.StartsWith("ja") || book.StartsWith("ko");
        if (cjkBook)
            return han + kana + hangul == 0 && latin >= MinLatinLetters && words >= 2 ? "en" : null;
        if (han >= MinHan && latin < han)
            return kana > 0 ? "ja" : "zh";
        return null;
    }

    /// <summary>ASCII letters and the letters of the Latin supplements (café, naïve), as the Han–Latin spacing counts them.</summary>
    private static bool IsLatinLetter(Rune rune) => rune.Value <= 0x024F && Rune.IsLetter(rune);
}
