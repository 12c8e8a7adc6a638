using System.Globalization;
using System.Text.RegularExpressions;

namespace GptBook.Transforms;

/// <summary>
/// The chapter number a chapter's title states, the way Chinese technical books write it: “第二章 投机解码”,
/// “第 12 讲”, “Chapter 3”, “2. 注意力”, “2、注意力”, a section number such as “1.1 为什么需要缓存” (chapter 1, for
/// a book kept one section to a file) and an appendix letter (“附录 A”, “Appendix B”). A title that begins with a
/// bare number (“10 分钟上手”, “2024 年回顾”) states none: such a number is more often part of the title.
/// </summary>
public static partial class StatedChapterNumber
{
    /// <summary>The number (“2”) or appendix letter (“A”) <paramref name="title"/> states, or null.</summary>
    public static string? Of(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        title = title.Trim();
        if (Chinese().Match(title) is { Success: true } chinese)
            return chinese.Groups[1].Value is var n && n.All(char.IsAsciiDigit) ? Normalized(n) : FromHanNumeral(n);
        if (English().Match(title) is { Success: true } english) return Normalized(english.Groups[1].Value);
        if (Appendix().Match(title) is { Success: true } appendix) return appendix.Groups[1].Value.ToUpperInvariant();
        if (Numbered().Match(title) is { Success: true } numbered) return Normalized(numbered.Groups[1].Value);
        return null;
    }

    private static string Normalized(string digits) => int.Parse(digits, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>一 … 九十九 and 一百 … 九百九十九 (一百零五), with 两 for 二; null for anything else.</summary>
    private static string? FromHanNumeral(string numeral)
    {
        var total = 0;
        var digit = -1;
        foreach (var c in numeral)
        {
            var value = "〇一二三四五六七八九".IndexOf(c);
            if (c == '零') value = 0;
            if (c == '两') value = 2;
            if (value == 0)
            {
                if (digit >= 0) return null;
                continue; // “一百零五”: 零 only holds the empty tens' place
            }
            if (value > 0)
            {
                if (digit >= 0) return null; // two digits in a row (“一二”) is no numeral
                digit = value;
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, _ => 0 };
            if (unit == 0) return null;
            total += (digit < 0 ? 1 : digit) * unit; // “十二”: an implied 一 before 十
            digit = -1;
        }
        total += Math.Max(digit, 0);
        return total > 0 ? total.ToString(CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^第\s*([0-9]{1,3}|[〇零一二两三四五六七八九十百]{1,5})\s*[章讲講篇课課部回]")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?:chapter|ch\.|lecture)\s*([0-9]{1,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex(@"^(?:附录|附錄|appendix)\s*([A-Za-z])(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Appendix();

    /// <summary>“2. 题目”, “2、题目”, “2.1 题目” (the chapter part of a section number); not “2 题目”.</summary>
    [GeneratedRegex(@"^([0-9]{1,3})(?:[.．、](?![0-9])|(?:\.[0-9]{1,3})+(?=\s))")]
    private static partial Regex Numbered();
}
