namespace GptBook.Policies;

/// <summary>
/// The character classes of Chinese text that several stages apply: joining soft line breaks (Normalization),
/// removing spaces an editor left between Han characters (Transforms), spacing and line breaking (Layout), and
/// guessing a single Markdown file's language (Configuration). One set of ranges, so that no stage counts a rare
/// character as Han while another does not. Code points, not UTF-16 units: the extension blocks lie outside the
/// Basic Multilingual Plane.
/// </summary>
public static class CjkCharacters
{
    /// <summary>
    /// A Han ideograph: the unified ideographs (U+4E00–9FFF), extension A (U+3400–4DBF), the compatibility
    /// ideographs (U+F900–FAFF and U+2F800–2FA1F), the whole of planes 2 and 3 (extensions B to H, I and J; Unicode
    /// reserves both planes for ideographs, so a character added later is Han too), and the three ideographic
    /// characters of the CJK symbols block: 々 (iteration mark), 〇 (ideographic zero) and 〻 (vertical iteration mark).
    /// </summary>
    public static bool IsHanIdeograph(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF
            or >= 0x3400 and <= 0x4DBF
            or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x3FFFF
            or 0x3005 or 0x3007 or 0x303B;

    /// <summary>Hiragana and katakana (with the phonetic extensions), without the katakana middle dot ・, which is punctuation.</summary>
    public static bool IsKana(int codePoint) =>
        codePoint is >= 0x3041 and <= 0x309F
            or >= 0x30A0 and <= 0x30FA or >= 0x30FC and <= 0x30FF
            or >= 0x31F0 and <= 0x31FF;

    /// <summary>Hangul syllables and jamo.</summary>
    public static bool IsHangul(int codePoint) =>
        codePoint is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F;

    /// <summary>Full-width digits and Latin letters (０–９, Ａ–Ｚ, ａ–ｚ), which sit on the square grid like Han.</summary>
    public static bool IsFullWidthAlphanumeric(int codePoint) =>
        codePoint is >= 0xFF10 and <= 0xFF19 or >= 0xFF21 and <= 0xFF3A or >= 0xFF41 and <= 0xFF5A;

    /// <summary>
    /// A letter set on the square CJK grid: Han, kana, Hangul, full-width alphanumerics. What line breaking and
    /// spacing treat as one class (a quarter em next to Latin text, a break allowed between any two).
    /// </summary>
    public static bool IsCjkLetter(int codePoint) =>
        IsHanIdeograph(codePoint) || IsKana(codePoint) || IsHangul(codePoint) || IsFullWidthAlphanumeric(codePoint);

    /// <summary>
    /// Full-width punctuation: the CJK symbols and punctuation block (、。「」《》, the ideographic space; its
    /// ideographs excepted), the vertical and small forms, and the full-width forms (，：！（）) but for the
    /// full-width letters and digits.
    /// </summary>
    public static bool IsCjkPunctuation(int codePoint) =>
        (codePoint is >= 0x3000 and <= 0x303F && !IsHanIdeograph(codePoint))
            || codePoint is >= 0xFE10 and <= 0xFE1F or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF01 and <= 0xFF0F or >= 0xFF1A and <= 0xFF20 or >= 0xFF3B and <= 0xFF40 or >= 0xFF5B and <= 0xFF65;

    /// <summary>
    /// Punctuation Chinese shares with Latin text — curly quotes, the em dash and horizontal bar, the ellipsis,
    /// the middle dot — which belongs to whichever text it stands next to.
    /// </summary>
    public static bool IsSharedPunctuation(int codePoint) =>
        codePoint is >= 0x2018 and <= 0x201F or 0x2014 or 0x2015 or 0x2026 or 0x00B7;
}
