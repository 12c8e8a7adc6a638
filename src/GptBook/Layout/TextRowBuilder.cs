using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Turns composed lines into rows: each line becomes a row of one leading with its text's ink centred in it (taller
/// when an inline object reaches above or below that ink), its runs as text fragments and its inline objects as
/// the fragments they draw. Runs that carry a link get a link fragment (and a
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
            // The text's ink is centred in the leading; what an inline object adds above or below it is added to
            // the row, keeping the same half-leading beyond it, so baselines are never closer than the leading.
            var halfLeading = Length.Max(Length.Zero, (leading - (line.StrutAscent + line.StrutDescent)) / 2);
            var above = Length.Max(line.StrutAscent + halfLeading, line.Ascent + halfLeading);
            var below = Length.Max(line.StrutDescent + halfLeading, line.Descent + halfLeading);
            var height = Length.Max(leading, above + below);
            var baseline = above + (height - above - below) / 2;
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
            if (run.Object != null)
            {
                var drawn = run.Object as DrawnInlineObject
                    ?? throw new InvalidOperationException($"{run.Object.GetType().Name} is not an inline object the layout can draw");
                var parent = node;
                if (run.Style.LinkTarget is { } objectTarget)
                {
                    parent = node.Child("Link", altText: run.SourceText, linkTarget: objectTarget);
                    var box = new Rect(x + run.X, baseline - drawn.Ascent, run.Width, drawn.Ascent + drawn.Descent);
                    fragments.Add(new LinkFragment(box, objectTarget, parent));
                }
                fragments.AddRange(drawn.Fragments(x + run.X, baseline, parent));
            }
            else if (run.Style.LinkTarget is { } target)
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
