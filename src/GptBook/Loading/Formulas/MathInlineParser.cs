using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace GptBook.Loading.Formulas;

/// <summary>
/// Math inside a paragraph: <c>$…$</c>, <c>\(…\)</c>, and <c>$$…$$</c> (display math written inside a line). The
/// dollar rules are pandoc's, which real books rely on: the opening <c>$</c> has a non-space right after it, the
/// closing one a non-space right before it and no digit right after it. So <c>$A$和$B$</c> is two formulas and
/// <c>$5 and $10</c> none. <c>\$</c> is never an opener (Markdig's escape has consumed it), code spans are parsed
/// before reaching here, so a <c>$</c> in code is code, and a formula never runs into a code span (no backtick inside).
/// </summary>
public sealed class MathInlineParser : InlineParser
{
    public MathInlineParser() => OpeningCharacters = ['$', '\\'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var end = slice.End + 1;
        string closer;
        int contentStart;
        var display = false;
        if (slice.CurrentChar == '\\')
        {
            if (ReferenceLength(text, start, end) is > 0 and var length)
                return Accept(processor, ref slice, start, start, start + length, 0, display: false);
            if (slice.PeekChar() != '(') return false;
            closer = "\\)";
            contentStart = start + 2;
        }
        else if (slice.PeekChar() == '$')
        {
            closer = "$$";
            contentStart = start + 2;
            display = true;
        }
        else
        {
            closer = "$";
            contentStart = start + 1;
            if (contentStart >= end || char.IsWhiteSpace(text[contentStart])) return false;
        }
        var close = FindCloser(text, contentStart, end, closer);
        if (close < 0 || close == contentStart) return false;
        if (text.AsSpan(contentStart, close - contentStart).Trim().Length == 0) return false;
        return Accept(processor, ref slice, start, contentStart, close, closer.Length, display);
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

    private static bool Accept(InlineProcessor processor, ref StringSlice slice, int start, int contentStart, int close, int closerLength, bool display)
    {
        var text = slice.Text;
        var content = text[contentStart..close];
        var map = new FormulaSourceMap();
        for (var i = 0; i < content.Length; i++)
            if (i == 0 || content[i - 1] == '\n')
                map.Add(i, processor.GetSourcePosition(contentStart + i, out _, out _));
        var sourceStart = processor.GetSourcePosition(start, out var line, out var column);
        var sourceEnd = processor.GetSourcePosition(close + closerLength - 1);
        processor.Inline = new MathMarkdownInline
        {
            Content = content,
            Display = display,
            Map = map,
            Span = new SourceSpan(sourceStart, sourceEnd),
            Line = line,
            Column = column,
        };
        slice.Start = close + closerLength;
        return true;
    }

    private static int FindCloser(string text, int from, int end, string closer)
    {
        var at = from;
        while (true)
        {
            var close = MathDelimiters.Find(text, at, end, closer);
            if (close < 0) return -1;
            // A backtick on the way means the dollar ahead belongs to a code span: "$5 … `$x$`" is no formula.
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
