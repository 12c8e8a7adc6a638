namespace GptBook.Formulas;

/// <summary>
/// Where math starts and ends in running text, by pandoc's dollar rules that real books rely on: the opening
/// <c>$</c> has a non-space right after it, the closing one a non-space right before it and no digit right after
/// it, so <c>$A$和$B$</c> is two formulas and <c>$5 and $10</c> none. Also <c>\(…\)</c>, <c>$$…$$</c> written inside
/// a line, and <c>\eqref{…}</c>/<c>\ref{…}</c> outside any formula. The one scanner for inline math: the Markdown
/// parser and the raw HTML mapper both ask it, so math reads the same wherever it is written.
/// </summary>
public static class MathDelimiters
{
    /// <summary>The index of <paramref name="closer"/> in <paramref name="text"/> from <paramref name="start"/>, skipping escaped characters (<c>\$</c> is a dollar inside math); −1 when absent.</summary>
    public static int Find(string text, int start, int end, string closer)
    {
        for (var i = start; i + closer.Length <= end; i++)
        {
            if (string.CompareOrdinal(text, i, closer, 0, closer.Length) == 0) return i;
            if (text[i] == '\\') i++;
        }
        return -1;
    }

    /// <summary>
    /// The formula that starts at <paramref name="start"/> (a <c>$</c> or <c>\</c>) and ends before
    /// <paramref name="end"/>, or null when none starts there. A backtick before the closer means the dollar ahead
    /// belongs to a code span (<c>$5 … `$x$`</c> is no formula), so a formula never runs into one.
    /// </summary>
    public static InlineMathDelimiters? MatchInline(string text, int start, int end)
    {
        if (start >= end || text[start] is not ('$' or '\\')) return null;
        var next = start + 1 < end ? text[start + 1] : '\0';
        string closer;
        int contentStart;
        var display = false;
        if (text[start] == '\\')
        {
            if (ReferenceLength(text, start, end) is > 0 and var length)
                return new InlineMathDelimiters(start, start, start + length, start + length, Display: false);
            if (next != '(') return null;
            closer = "\\)";
            contentStart = start + 2;
        }
        else if (next == '$')
        {
            closer = "$$";
            contentStart = start + 2;
            display = true;
        }
        else
        {
            closer = "$";
            contentStart = start + 1;
            if (contentStart >= end || char.IsWhiteSpace(text[contentStart])) return null;
        }
        var close = FindCloser(text, contentStart, end, closer);
        if (close < 0 || close == contentStart) return null;
        if (text.AsSpan(contentStart, close - contentStart).Trim().Length == 0) return null;
        return new InlineMathDelimiters(start, contentStart, close, close + closer.Length, display);
    }

    /// <summary>
    /// <c>\eqref{label}</c> or <c>\ref{label}</c> written in running text, outside any formula (how LaTeX authors refer
    /// to equations): read as a formula that is just the reference, so it resolves like one written inside math.
    /// </summary>
    private static int ReferenceLength(string text, int start, int end)
    {
        foreach (var command in (ReadOnlySpan<string>)["\\eqref{", "\\ref{"])
        {
            if (start + command.Length > end || string.CompareOrdinal(text, start, command, 0, command.Length) != 0) continue;
            var close = text.IndexOf('}', start + command.Length, end - start - command.Length);
            if (close > start + command.Length && text.AsSpan(start + command.Length, close - start - command.Length).IndexOfAny("\n{$") < 0)
                return close + 1 - start;
        }
        return 0;
    }

    private static int FindCloser(string text, int from, int end, string closer)
    {
        var at = from;
        while (true)
        {
            var close = Find(text, at, end, closer);
            if (close < 0) return -1;
            if (text.AsSpan(at, close - at).Contains('`')) return -1;
            if (closer != "$") return close;
            // A single dollar closes only after a non-space and before a non-digit; "$$" inside is not a closer.
            var after = close + 1 < end ? text[close + 1] : '\0';
            if (!char.IsWhiteSpace(text[close - 1]) && !char.IsAsciiDigit(after) && after != '$') return close;
            if (after == '$') return -1;
            at = close + 1;
        }
    }
}

/// <summary>
/// Where a formula sits in running text: it starts at <see cref="Start"/>, its TeX runs from
/// <see cref="ContentStart"/> to <see cref="ContentEnd"/> (a reference such as <c>\eqref{x}</c> is its own content),
/// and the text goes on at <see cref="End"/>.
/// </summary>
public readonly record struct InlineMathDelimiters(int Start, int ContentStart, int ContentEnd, int End, bool Display);
