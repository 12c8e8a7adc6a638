using System.Text;

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

    /// <summary>Han ideographs, including the extension blocks outside the BMP, and kana (Japanese is joined the same way).</summary>
    public static bool IsHan(Rune r)
    {
        var v = r.Value;
        return v is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x3134F or >= 0x3040 and <= 0x30FF or 0x3007;
    }

    /// <summary>Full-width punctuation: CJK symbols and punctuation, and the full-width forms block.</summary>
    public static bool IsCjkPunctuation(Rune r)
    {
        var v = r.Value;
        return v is >= 0x3000 and <= 0x303F or >= 0xFF01 and <= 0xFF0F or >= 0xFF1A and <= 0xFF20
            or >= 0xFF3B and <= 0xFF40 or >= 0xFF5B and <= 0xFF65 or >= 0xFE10 and <= 0xFE1F or >= 0xFE30 and <= 0xFE4F;
    }

    /// <summary>Quotes, dashes and ellipses shared by Chinese and English: Chinese when next to Han.</summary>
    private static bool IsNeutralPunctuation(Rune r) => r.Value is >= 0x2018 and <= 0x201F or 0x2014 or 0x2015 or 0x2026 or 0x00B7;

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
