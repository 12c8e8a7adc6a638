using System.Globalization;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Layout;

/// <summary>
/// The cover (title, subtitle, authors and, when the book gives one, the date from its metadata, set on the trimmed page without running
/// heads) and the table of contents: the headings of the TOC's levels, each level indented 2 em more than the one above,
/// with dot leaders to right-aligned page numbers; each entry is one link to its heading.
/// </summary>
public sealed class FrontMatterBuilder(LayoutContext context)
{
    private readonly LayoutStyle _style = context.Style;

    public List<PageFragment> Cover(BookMetadata metadata, StructureNode root)
    {
        var g = context.Geometry;
        var node = root.Child("Div");
        var area = g.TextBlock(rightHand: true);
        var fragments = new List<PageFragment>();
        var y = g.TrimOffset + g.TrimHeight * 0.28;
        var titleStyle = new TextStyle(FontRole.SansBold, _style.BodySize * 2.4);
        y = Centered(metadata.Title, titleStyle, area, y, titleStyle.Size * 1.35, node.Child("P"), fragments);
        if (!string.IsNullOrWhiteSpace(metadata.Subtitle))
        {
            var subStyle = new TextStyle(FontRole.SerifRegular, _style.BodySize * 1.35);
            Centered(metadata.Subtitle, subStyle, area, y + subStyle.Size * 0.9, subStyle.Size * 1.5, node.Child("P"), fragments);
        }
        var lineY = g.TrimOffset + g.TrimHeight * 0.25;
        fragments.Insert(0, new RuleFragment(area.X, lineY, area.Right, lineY, Length.Pt(0.8)));
        var bottom = g.TrimOffset + g.TrimHeight * 0.72;
        var metaStyle = new TextStyle(FontRole.SerifRegular, _style.BodySize * 1.1);
        if (metadata.Authors.Count > 0)
            bottom = Centered(string.Join("　", metadata.Authors), metaStyle, area, bottom, metaStyle.Size * 1.6, node.Child("P"), fragments);
        if (metadata.HasDate)
        {
            var date = metadata.Date.ToString(metadata.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "yyyy年M月d日" : "d MMMM yyyy", CultureInfo.InvariantCulture);
            Centered(date, metaStyle with { Size = _style.BodySize }, area, bottom + metaStyle.Size * 0.4, metaStyle.Size * 1.6, node.Child("P"), fragments);
        }
        return fragments;
    }

    /// <summary>Sets text centred in the area, wrapping when needed; returns the y below the last line.</summary>
    private Length Centered(string text, TextStyle style, Rect area, Length top, Length leading, StructureNode node, List<PageFragment> into)
    {
        var lines = context.Compose([new StyledText(text, style)], area.Width, Length.Zero, SourceSpan.None);
        var y = top;
        foreach (var line in lines)
        {
            var x = area.X + (area.Width - line.Width) / 2;
            into.AddRange(TextRowBuilder.Fragments(line, x, y + line.Ascent, node, TextColor.Body));
            y += leading;
        }
        return y;
    }

    /// <summary>
    /// The TOC as boxes. <paramref name="pageLabel"/> gives each heading's page label; null while unknown (the
    /// first pass), when a placeholder of typical width is set instead.
    /// </summary>
    public List<LayoutBox> TableOfContents(IEnumerable<Heading> headings, IReadOnlyList<int> levels, Func<string, string?> pageLabel, StructureNode root)
    {
        var toc = root.Child("TOC");
        var width = context.Geometry.TextWidth;
        var boxes = new List<LayoutBox>();
        var titleStyle = _style.Heading(1);
        var title = context.Labels.TableOfContents;
        var titleRun = new PositionedRun(title, titleStyle, Length.Zero, context.MeasureWidth(title, titleStyle), Length.Zero, title);
        var titleLeading = _style.HeadingLeading(1);
        boxes.Add(new LayoutBox(
            [BoxRow.Sink(_style.Leading * 3), new BoxRow(titleLeading, [new TextFragment(titleRun, Length.Zero, titleLeading * 0.78, toc.Child("H1"))])],
            [false, false], SourceSpan.None)
        {
            SpaceAfter = _style.Leading * 1.2, KeepWithNext = true,
        });
        foreach (var h in headings.Where(h => levels.Contains(h.Level)))
        {
            var rank = IndexOf(levels, h.Level);
            var seq = Entry(h, pageLabel(h.Id), toc.Child("TOCI"), width, rank);
            boxes.Add(new LayoutBox(seq.Rows, seq.BreakAfter, h.Span)
            {
                SpaceBefore = rank == 0 ? _style.Leading * 0.5 : Length.Zero,
            });
        }
        return boxes;
    }

    private static int IndexOf(IReadOnlyList<int> levels, int level)
    {
        for (var i = 0; i < levels.Count; i++) if (levels[i] == level) return i;
        return -1;
    }

    /// <summary>One entry; <paramref name="rank"/> is its level's place among the TOC's levels (0: the top one, set bold).</summary>
    private RowSequence Entry(Heading h, string? label, StructureNode item, Length width, int rank)
    {
        var style = rank == 0 ? _style.Strong : _style.Body;
        var indent = _style.BodySize * 2 * rank;
        var number = label ?? "00";
        var numberWidth = context.MeasureWidth(number, _style.Body);
        var gap = _style.BodySize * 2.5;
        var measure = width - indent - gap - context.MeasureWidth("000", _style.Body);
        var link = item.Child("Link", altText: h.PlainText, linkTarget: "#" + h.Id);
        var lines = context.Compose([new StyledText(h.PlainText, style)], measure, Length.Zero, h.Span);
        var rows = TextRowBuilder.Rows(lines, _style.Leading, indent, link);
        var seq = new RowSequence();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var fragments = new List<PageFragment>();
            if (i == 0) fragments.Add(new LinkFragment(new Rect(Length.Zero, Length.Zero, width, row.Height * rows.Count), "#" + h.Id, link));
            fragments.AddRange(row.Fragments);
            if (i == rows.Count - 1)
            {
                var baseline = row.Fragments.OfType<TextFragment>().Select(t => (Length?)t.Baseline).FirstOrDefault() ?? row.Height * 0.7;
                var textEnd = indent + lines[i].Runs.Select(r => r.X + r.Width).DefaultIfEmpty(Length.Zero).Max();
                fragments.AddRange(Leaders(textEnd + _style.BodySize * LeaderGap, width - numberWidth - _style.BodySize * LeaderGap, width, baseline));
                var run = new PositionedRun(number, _style.Body, Length.Zero, numberWidth, Length.Zero, number);
                fragments.Add(new TextFragment(run, width - numberWidth, baseline, link));
            }
            seq.Add(row with { Fragments = fragments }, false);
        }
        return seq;
    }

    /// <summary>The least space, in em, between an entry's text and its first leader dot, and between the last dot and the page number.</summary>
    private const double LeaderGap = 0.5;

    /// <summary>
    /// Dots on one grid for the whole TOC, counted back from the right edge of the measure (<paramref name="edge"/>),
    /// so that they stand in columns from entry to entry whatever the widths of the page numbers; a dot is set only
    /// where it leaves at least <see cref="LeaderGap"/> to the text before it and to the number after it. The gap
    /// after the text is therefore between half an em and half an em plus one pitch.
    /// </summary>
    private IEnumerable<PageFragment> Leaders(Length from, Length to, Length edge, Length baseline)
    {
        var pitch = _style.BodySize * 0.5;
        var dotWidth = context.MeasureWidth(".", _style.Body);
        var dot = new PositionedRun(".", _style.Body, Length.Zero, dotWidth, Length.Zero, "");
        // Grid positions edge - k·pitch, from the first that ends before the number to the last that starts after the text.
        var first = (int)Math.Ceiling((edge - to + dotWidth) / pitch - 1e-9);
        var last = (int)Math.Floor((edge - from) / pitch + 1e-9);
        for (var k = last; k >= first && last - k < 1000; k--)
            yield return new TextFragment(dot, edge - pitch * k, baseline, null, TextColor.Muted);
    }
}
