using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Turns composed lines into rows: each line becomes a row of one leading, with its baseline centred on the
/// line's ink (ascent + descent) and its runs as text fragments. Runs that carry a link get a link fragment (and a
/// Link element in the structure) over their extent.
/// </summary>
public static class TextRowBuilder
{
    public static List<BoxRow> Rows(
        IReadOnlyList<ComposedLine> lines, Length leading, Length x, StructureNode node,
        TextColor color = TextColor.Body, Func<int, Length>? lineOffset = null)
    {
        var rows = new List<BoxRow>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var height = Length.Max(leading, line.Ascent + line.Descent);
            var baseline = (height - (line.Ascent + line.Descent)) / 2 + line.Ascent;
            var dx = x + (lineOffset?.Invoke(i) ?? Length.Zero);
            rows.Add(new BoxRow(height, Fragments(line, dx, baseline, node, color)));
        }
        return rows;
    }

    public static List<PageFragment> Fragments(ComposedLine line, Length x, Length baseline, StructureNode node, TextColor color)
    {
        var fragments = new List<PageFragment>(line.Runs.Count);
        foreach (var run in line.Runs)
        {
            if (run.Style.LinkTarget is { } target)
            {
                var link = node.Child("Link", altText: run.SourceText, linkTarget: target);
                var top = baseline - run.Style.Size * (run.Style.Superscript ? 1.4 : 0.9);
                fragments.Add(new LinkFragment(new Rect(x + run.X, top, run.Width, run.Style.Size * 1.2), target, link));
                fragments.Add(new TextFragment(run, x + run.X, baseline, link, TextColor.Link));
            }
            else if (run.SourceText.Length == 0 && run.Text.Length > 0)
            {
                // A mark the composer added (a code continuation mark): drawn, but an artifact, so it is not text.
                fragments.Add(new TextFragment(run, x + run.X, baseline, null, TextColor.Muted));
            }
            else
            {
                fragments.Add(new TextFragment(run, x + run.X, baseline, node, color));
            }
        }
        return fragments;
    }
}
