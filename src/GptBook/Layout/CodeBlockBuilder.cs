using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Code blocks: monospace on a light background, every source line kept. The composer wraps a line longer than
/// the measure (never clipping it) and ends each wrapped line with a mark, which is drawn as an artifact so that
/// copying the code gives the source back. Han characters, which the monospace face lacks, are set in the serif
/// face by the composer's face fallback.
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
        foreach (var line in code.Code.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
        {
            if (line.Length == 0)
            {
                rows.Add(new BoxRow(_style.CodeLeading, []));
                continue;
            }
            var lines = context.ComposeCode(new Text.StyledText(line, style), width - 2 * pad, code.Span);
            rows.AddRange(TextRowBuilder.Rows(lines, _style.CodeLeading, pad, node));
        }
        var seq = new RowSequence();
        seq.Add(Shaded(pad, width, []), false);
        for (var i = 0; i < rows.Count; i++)
            seq.Add(Shaded(rows[i].Height, width, rows[i].Fragments), i >= 1 && i <= rows.Count - 3);
        seq.Add(Shaded(pad, width, []), false);
        return seq;
    }

    private static BoxRow Shaded(Length height, Length width, IEnumerable<PageFragment> content) =>
        new(height, [new ShadeFragment(new Rect(Length.Zero, Length.Zero, width, height)), .. content]);
}
