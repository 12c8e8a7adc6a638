using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Code blocks: monospace on a light background, every source line kept. The composer wraps a line longer than
/// the measure (never clipping it) and ends each wrapped line with a mark, which is drawn as an artifact so that
/// copying the code gives the source back. Han characters, which the monospace face lacks, are set in the serif
/// face by the composer's face fallback. Highlighted stretches (<see cref="CodeBlock.Tokens"/>) carry their kind
/// in their style, for the PDF writer's print theme.
/// </summary>
public sealed class CodeBlockBuilder(LayoutContext context)
{
    private readonly LayoutStyle _style = context.Style;

    public RowSequence Rows(CodeBlock code, Length width, StructureNode parent)
    {
        var node = parent.Child("P").Child("Code");
        var style = _style.Code;
        var pad = style.Size * 0.8;
        var rows = new List<BoxRow>();
        var text = code.Code.TrimEnd('\n', '\r');
        var token = 0;
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd == start) rows.Add(new BoxRow(_style.CodeLeading, []));
            else
            {
                var lines = context.ComposeCode(Segments(text, start, lineEnd, code.Tokens, ref token, style), width - 2 * pad, code.Span);
                rows.AddRange(TextRowBuilder.Rows(lines, _style.CodeLeading, pad, node));
            }
            start = end + 1;
        }
        var seq = new RowSequence();
        seq.Add(Shaded(pad, width, []), false);
        for (var i = 0; i < rows.Count; i++)
            seq.Add(Shaded(rows[i].Height, width, rows[i].Fragments), i >= 1 && i <= rows.Count - 3);
        seq.Add(Shaded(pad, width, []), false);
        return seq;
    }

    /// <summary>The line from <paramref name="start"/> to <paramref name="end"/> as stretches styled by their
    /// highlighting tokens (<paramref name="next"/> is the first token not yet passed).</summary>
    private static List<Text.StyledText> Segments(string code, int start, int end, IReadOnlyList<CodeToken> tokens, ref int next, Text.TextStyle style)
    {
        var segments = new List<Text.StyledText>();
        var at = start;
        while (next < tokens.Count && tokens[next].Start + tokens[next].Length <= start) next++;
        for (var k = next; k < tokens.Count && tokens[k].Start < end; k++)
        {
            var from = Math.Max(at, tokens[k].Start);
            var to = Math.Min(end, tokens[k].Start + tokens[k].Length);
            if (to <= from) continue;
            if (from > at) segments.Add(new Text.StyledText(code[at..from], style));
            var kind = tokens[k].Kind;
            segments.Add(new Text.StyledText(code[from..to], style with { Font = kind == CodeTokenKind.Keyword ? Fonts.FontRole.MonoBold : style.Font, Token = kind }));
            at = to;
        }
        if (at < end) segments.Add(new Text.StyledText(code[at..end], style));
        return segments;
    }

    private static BoxRow Shaded(Length height, Length width, IEnumerable<PageFragment> content) =>
        new(height, [new ShadeFragment(new Rect(Length.Zero, Length.Zero, width, height)), .. content]);
}
