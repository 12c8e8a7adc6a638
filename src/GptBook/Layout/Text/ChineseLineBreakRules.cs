using GptBook.Policies;

namespace GptBook.Layout.Text;

/// <summary>
/// The character tables of docs/typesetting.md (clreq "basic" strictness, cross-checked with jlreq and the
/// OOXML zh-CN kinsoku lists): which characters may not start or end a line, which punctuation marks are full
/// width with a blank half that may be compressed, and which characters count as Han or Western for spacing.
/// </summary>
internal static class ChineseLineBreakRules
{
    // clreq basic: pause/stop marks, closing quotes, closing brackets, closing book-title marks.
    private const string ClosingMarks = "、，。．：；！？‼⁇⁈⁉”’」』）］｝〕〗】〙〛⦆》〉";

    // clreq basic: opening quotes, brackets and book-title marks.
    private const string OpeningMarks = "“‘「『（［｛〔〖【〘〚⦅《〈";

    // Not at line start besides the closing marks: connector marks, interpuncts, solidi (clreq basic), the ASCII
    // closers and unit suffixes of the OOXML zh-CN list. A lone em dash or ellipsis is here too; the first of a
    // pair (—— ……) may start a line (see IsPairStart in the composer).
    private const string OtherNoStart = "～–—-·・‧/／!%％),.:;?]}>…‰℃°′″›¨ˇˉ―‖∶";

    // Not at line end besides the opening marks: ASCII openers and currency/prefix signs (OOXML zh-CN, jlreq cl-01).
    private const string OtherNoEnd = "([{$£¥«〝";

    public static CharacterKind Classify(int c)
    {
        if (c is ' ' or '\t') return CharacterKind.Space;
        if (c < 0x80) return CharacterKind.Western;
        if (ClosingMarks.Contains((char)c) && c < 0x10000) return CharacterKind.ClosingMark;
        if (OpeningMarks.Contains((char)c) && c < 0x10000) return CharacterKind.OpeningMark;
        if (c is 0x2014 or 0x2E3A) return CharacterKind.Dash;
        if (c is 0x2026 or 0x22EF) return CharacterKind.Ellipsis;
        if (IsHan(c)) return CharacterKind.Han;
        if (c is >= 0x2E80 and <= 0x33FF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFFEF or 0x2103 or 0x00B7 or 0x2027)
            return CharacterKind.OtherCjk;
        return CharacterKind.Western;
    }

    /// <summary>A letter on the square CJK grid: Han (all extensions), 〇 々, kana, Hangul, full-width alphanumerics (one policy for every stage).</summary>
    public static bool IsHan(int c) => CjkCharacters.IsCjkLetter(c);

    /// <summary>A Latin (or other alphabetic script) letter or a European digit: what gets 1/4 em next to Han.</summary>
    public static bool IsWesternLetterOrDigit(int c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit((char)c) : !IsHan(c) && c < 0x2E80 && char.IsLetterOrDigit((char)c);

    public static bool IsNoStart(int c) =>
        c < 0x10000 && (ClosingMarks.Contains((char)c) || OtherNoStart.Contains((char)c));

    public static bool IsNoEnd(int c) =>
        c < 0x10000 && (OpeningMarks.Contains((char)c) || OtherNoEnd.Contains((char)c));

    /// <summary>After these, a URL or over-long word may break (when it cannot fit a line whole).</summary>
    public static bool IsUrlBreakAfter(int c) => c is '/' or '.' or '-' or '?' or '&' or '_' or '=' or '#';
}
