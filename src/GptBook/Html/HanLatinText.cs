using System.Text;
using GptBook.Policies;

namespace GptBook.Html;

/// <summary>
/// Cuts prose into the pieces the XHTML writer marks for Chinese reading: a Latin word (letters, digits and the
/// joiners inside them: GPT-3.5, state-of-the-art, C++, 10%) that touches a Han character gets the class
/// <c>space-before</c> and/or <c>space-after</c>, whose margin is the quarter-em gap print puts there; a name
/// whose hyphen must not end a line (a hyphen with a digit or an all-capital part beside it: GPT-3, COVID-19,
/// RT-DETR) gets <c>nobr</c>. No character is added or changed, so copying and searching see the text as
/// written; a word already separated from Han by a space gets nothing.
/// </summary>
public static class HanLatinText
{
    /// <summary>Longer hyphenated words are left breakable: a line must be able to end somewhere.</summary>
    private const int MaxProtectedLength = 24;

    public readonly record struct Piece(string Text, string? CssClass);

    /// <param name="before">The character just before <paramref name="text"/> in the flow, or 0 at a wall.</param>
    /// <param name="after">The character just after it, or 0 at a wall.</param>
    public static IReadOnlyList<Piece> Split(string text, int before, int after)
    {
        var pieces = new List<Piece>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordCharacter(text, i))
            {
                i += Length(text, i);
                continue;
            }
            var end = WordEnd(text, i);
            var previous = i == 0 ? before : LastCodePoint(text.AsSpan(0, i));
            var next = end == text.Length ? after : CodePointAt(text, end);
            var word = text[i..end];
            var classes = new List<string>(3);
            if (CjkCharacters.IsHanIdeograph(previous)) classes.Add("space-before");
            if (CjkCharacters.IsHanIdeograph(next)) classes.Add("space-after");
            if (IsProtectedName(word)) classes.Add("nobr");
            if (classes.Count > 0)
            {
                if (i > plainStart) pieces.Add(new Piece(text[plainStart..i], null));
                pieces.Add(new Piece(word, string.Join(' ', classes)));
                plainStart = end;
            }
            i = end;
        }
        if (plainStart < text.Length) pieces.Add(new Piece(text[plainStart..], null));
        return pieces;
    }

    /// <summary>ASCII letters and digits, and the letters of the Latin supplements (café, naïve).</summary>
    public static bool IsLatinLetterOrDigit(int cp) =>
        cp < 0x80 ? char.IsAsciiLetterOrDigit((char)cp) : cp <= 0x024F && Rune.IsLetter(new Rune(cp));

    private static bool IsWordCharacter(string text, int at) => IsLatinLetterOrDigit(CodePointAt(text, at));

    /// <summary>The code point at <paramref name="at"/>; a lone surrogate reads as U+FFFD rather than throwing.</summary>
    public static int CodePointAt(string text, int at)
    {
        Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out _);
        return rune.Value;
    }

    public static int LastCodePoint(ReadOnlySpan<char> text)
    {
        Rune.DecodeLastFromUtf16(text, out var rune, out _);
        return rune.Value;
    }

    private static int Length(string text, int at)
    {
        Rune.DecodeFromUtf16(text.AsSpan(at), out _, out var consumed);
        return Math.Max(1, consumed);
    }

    /// <summary>The end of the word starting at <paramref name="start"/>: joiners count when a word character follows; + and # may close it (C++, F#), and % after a digit.</summary>
    private static int WordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordCharacter(text, i)) { i += Length(text, i); continue; }
            if (c is '-' or '.' or '_' or '\'' or '’' or '/' && i + 1 < text.Length && IsWordCharacter(text, i + 1)) { i++; continue; }
            if (c is '+' or '#' || (c == '%' && char.IsAsciiDigit(text[i - 1]))) { i++; continue; }
            break;
        }
        return i;
    }

    /// <summary>A hyphenated name that reads as one unit: a part beside a hyphen is a number or all capitals (GPT-3, COVID-19, RT-DETR), not an English compound (state-of-the-art).</summary>
    public static bool IsProtectedName(string word)
    {
        if (word.Length > MaxProtectedLength || !word.Contains('-')) return false;
        var parts = word.Split('-');
        return parts.Any(p => p.Length > 0 && (char.IsAsciiDigit(p[0]) || (p.Length >= 2 && p.All(char.IsAsciiLetterUpper))));
    }
}
