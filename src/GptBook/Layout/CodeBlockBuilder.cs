using System.Text;
using GptBook.Layout.Text;
using GptBook.Model;

namespace GptBook.Layout;

/// <summary>
/// Code blocks: monospace on a light background, every source line kept. A line longer than the measure is
/// wrapped (never clipped) and each continuation starts with a muted mark that copy-and-paste leaves out. Han
/// characters, which the monospace face lacks, are set in the serif face.
/// </summary>
public sealed class CodeBlockBuilder(LayoutContext context)
{
    private readonly LayoutStyle _style = context.Style;

    public RowSequence Rows(CodeBlock code, Length width, StructureNode parent)
    {
        var node = parent.Child("P").Child("Code");
        var style = _style.Code;
        var leading = _style.CodeLeading;
        var pad = style.Size * 0.8;
        var mark = context.Measurer.HasGlyph(FontRole.Mono, 0x21AA) ? "\u21AA" : ">";
        var markWidth = context.MeasureWidth(mark + " ", style);
        var measure = width - 2 * pad;
        var seq = new RowSequence();
        seq.Add(Shaded(pad, width, []), false);
        var lines = code.Code.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        var visual = new List<(string Text, bool Continued)>();
        foreach (var raw in lines)
        {
            var line = raw.Replace("\t", "    ");
            var continued = false;
            var guard = line.Length + 1;
            do
            {
                var room = continued ? measure - markWidth : measure;
                var take = Fit(line, style, room);
                visual.Add((line[..take], continued));
                line = line[take..];
                continued = true;
            } while (line.Length > 0 && --guard > 0);
        }
        for (var i = 0; i < visual.Count; i++)
        {
            var (text, continued) = visual[i];
            var baseline = leading * 0.72;
            var fragments = new List<PageFragment>();
            var x = pad;
            if (continued)
            {
                fragments.Add(new TextFragment(new PositionedRun(mark, style, Length.Zero, markWidth, Length.Zero, ""), x, baseline, node, TextColor.Muted));
                x += markWidth;
            }
            foreach (var run in Runs(text, style))
                fragments.Add(new TextFragment(run with { X = Length.Zero }, x + run.X, baseline, node));
            seq.Add(Shaded(leading, width, fragments), i >= 1 && i <= visual.Count - 3);
        }
        seq.Add(Shaded(pad, width, []), false);
        return seq;
    }

    private static BoxRow Shaded(Length height, Length width, List<PageFragment> content)
    {
        var fragments = new List<PageFragment> { new ShadeFragment(new Rect(Length.Zero, Length.Zero, width, height)) };
        fragments.AddRange(content);
        return new BoxRow(height, fragments);
    }

    /// <summary>How many UTF-16 units of <paramref name="text"/> fit in <paramref name="room"/>; at least one character.</summary>
    private int Fit(string text, TextStyle style, Length room)
    {
        var used = Length.Zero;
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = style.Size * context.Advance(style.Font, rune.Value);
            if (used + w > room && i > 0) return i;
            used += w;
            i += rune.Utf16SequenceLength;
        }
        return text.Length;
    }

    /// <summary>Splits a line into runs by face (monospace, or serif where the monospace face lacks a glyph).</summary>
    private IEnumerable<PositionedRun> Runs(string text, TextStyle style)
    {
        var x = Length.Zero;
        var sb = new StringBuilder();
        FontRole? font = null;
        var width = Length.Zero;
        foreach (var rune in text.EnumerateRunes())
        {
            var f = context.Measurer.ResolveFace(style.Font, rune.Value);
            if (font != null && f != font)
            {
                yield return new PositionedRun(sb.ToString(), style with { Font = font.Value }, x, width, Length.Zero, sb.ToString());
                x += width;
                sb.Clear();
                width = Length.Zero;
            }
            font = f;
            sb.Append(rune.ToString());
            width += style.Size * context.Measurer.Advance(f, rune.Value);
        }
        if (font != null) yield return new PositionedRun(sb.ToString(), style with { Font = font.Value }, x, width, Length.Zero, sb.ToString());
    }
}
