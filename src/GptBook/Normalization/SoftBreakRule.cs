using System.Text;
using GptBook.Policies;

namespace GptBook.Normalization;

/// <summary>
/// What a soft line break (a newline inside a paragraph) becomes. In Chinese, the source's line breaks are not
/// word boundaries: between two Han characters, or a Han character and CJK punctuation, the break vanishes;
/// anywhere else it is a space, as in English (pandoc#11241, typst#792).
/// </summary>
public static class SoftBreakRule
{
    /// <summary>"" or " ", given the visible text just before and just after the break.</summary>
    public static string Replacement(string before, string after)
    {
        var left = LastRune(before);
        var right = FirstRune(after);
        if (left == null || right == null) return " ";
        var l = left.Value;
        var r = right.Value;
        var joins = (IsHan(l) && (IsHan(r) || IsCjkPunctuation(r) || IsNeutralPunctuation(r)))
                    || (IsHan(r) && (IsCjkPunctuation(l) || IsNeutralPunctuation(l)))
                    || (IsCjkPunctuation(l) && (IsCjkPunctuation(r) || IsNeutralPunctuation(r)))
                    || (IsNeutralPunctuation(l) && IsCjkPunctuation(r));
        return joins ? "" : " ";
    }

    /// <summary>Han ideographs and kana (Japanese is joined the same way); Hangul is not: Korean spaces its words.</summary>
    private static bool IsHan(Rune r) => CjkCharacters.IsHanIdeograph(r.Value) || CjkCharacters.IsKana(r.Value);

    private static bool IsCjkPunctuation(Rune r) => CjkCharacters.IsCjkPunctuation(r.Value);

    /// <summary>Quotes, dashes and ellipses shared by Chinese and English: Chinese when next to Han.</summary>
    private static bool IsNeutralPunctuation(Rune r) => CjkCharacters.IsSharedPunctuation(r.Value);

    private static Rune? LastRune(string s)
    {
        if (s.Length == 0) return null;
        return Rune.DecodeLastFromUtf16(s, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;
    }

    private static Rune? FirstRune(string s)
    {
        if (s.Length == 0) return null;
        return Rune.DecodeFromUtf16(s, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;
    }
}
