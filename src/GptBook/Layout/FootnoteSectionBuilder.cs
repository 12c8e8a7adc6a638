using System.Globalization;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Footnotes are set at the end of their chapter, under a short rule and a "注释" title, in a smaller size with
/// hanging numbers: simpler and sturdier than notes at the page foot (which would make every page's text height
/// depend on the notes referenced on it), and the article has none.
/// </summary>
public sealed class FootnoteSectionBuilder(LayoutContext context, BlockBoxBuilder builder)
{
    private readonly LayoutStyle _style = context.Style;

    public IEnumerable<LayoutBox> Boxes(Chapter chapter, StructureNode root)
    {
        var section = root.Child("Div");
        var title = new RowSequence();
        var titleRun = new PositionedRun(context.Labels.Footnotes, _style.CaptionLabel, Length.Zero,
            context.MeasureWidth(context.Labels.Footnotes, _style.CaptionLabel), Length.Zero, context.Labels.Footnotes);
        title.Add(new BoxRow(_style.Leading * 1.4,
        [
            new RuleFragment(Length.Zero, _style.Leading * 0.2, builder.Width / 4, _style.Leading * 0.2, Length.Pt(0.5)),
            new TextFragment(titleRun, Length.Zero, _style.Leading * 1.1, section.Child("H6")),
        ]), false);
        yield return new LayoutBox(title.Rows, title.BreakAfter, chapter.Footnotes[0].Span)
        {
            SpaceBefore = _style.Leading * 1.5, SpaceAfter = _style.Leading * 0.3, KeepWithNext = true,
        };
        foreach (var fn in chapter.Footnotes)
        {
            var node = section.Child("Note");
            var label = fn.Number.ToString(CultureInfo.InvariantCulture) + ".";
            var labelWidth = context.MeasureWidth(label, _style.Small);
            var indent = _style.Small.Size * 2.2;
            var seq = new RowSequence();
            foreach (var b in fn.Blocks)
            {
                var inner = b is Paragraph p
                    ? RowOrigins.Stamp(builder.ParagraphRows(p.Content, builder.Width - indent, node.Child("P"), _style.Small, Length.Zero), p)
                    : builder.Rows(b, builder.Width - indent, node, 1);
                seq.Append(inner, _style.BlockGap / 2);
            }
            if (seq.Count == 0) seq.Add(new BoxRow(_style.Leading, []), false);
            var indented = seq.Indented(indent);
            var first = indented.Rows[0];
            var fragments = new List<PageFragment>
            {
                new AnchorFragment(fn.Id, Length.Zero, Length.Zero),
                new TextFragment(new PositionedRun(label, _style.Small, Length.Zero, labelWidth, Length.Zero, label),
                    indent - labelWidth - _style.Small.Size * 0.4, BlockBoxBuilder.FirstBaseline(first) ?? _style.Leading * 0.7, node.Child("Lbl")),
            };
            fragments.AddRange(first.Fragments);
            indented.Rows[0] = first with { Fragments = fragments };
            yield return new LayoutBox(indented.Rows, indented.BreakAfter, fn.Span) { SpaceBefore = _style.Leading * 0.2 };
        }
    }
}
