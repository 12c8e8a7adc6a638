using System.Globalization;
using GptBook.Diagnostics;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Policies;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Layout;

/// <summary>
/// Turns a chapter's blocks into boxes for the paginator, building the structure tree on the way. Paragraphs get a
/// two-character first-line indent (the Chinese convention) and no space between them; headings are kept with
/// what follows and h1 opens a chapter on a new page, and so is a lead-in paragraph ending in a colon with the block
/// it introduces; figures float (past anything but a chapter or section heading); footnotes go to the foot of the
/// page that references them (<see cref="FootnoteBuilder"/>). Text boxes stand on the baseline grid, the others
/// take whole grid lines (<see cref="GridFit"/>).
/// </summary>
public sealed class BlockBoxBuilder
{
    private const int MaxNesting = 16;
    private readonly LayoutContext _context;
    private readonly LayoutStyle _style;
    private readonly InlineStyler _styler;
    private readonly CodeBlockBuilder _code;
    private readonly TableBuilder _tables;
    private readonly FigureBuilder _figures;
    private readonly FootnoteBuilder _footnotes;
    private readonly string _bookLanguage;

    /// <param name="bookLanguage">The book's language, against which each paragraph's own is told (<see cref="PassageLanguage"/>).</param>
    public BlockBoxBuilder(LayoutContext context, string bookLanguage)
    {
        _context = context;
        _bookLanguage = bookLanguage;
        _style = context.Style;
        _styler = new InlineStyler(context);
        _code = new CodeBlockBuilder(context);
        _tables = new TableBuilder(context, _styler);
        _figures = new FigureBuilder(context, _styler);
        _footnotes = new FootnoteBuilder(context, this);
    }

    public Length Width => _context.Geometry.TextWidth;

    /// <summary>Starts a chapter: its footnotes become placeable (<see cref="Box"/>).</summary>
    public void BeginChapter(Chapter chapter) => _footnotes.BeginChapter(chapter);

    /// <summary>
    /// A top-level block's box, once its rows are made (<see cref="TopLevel"/>, possibly by another builder on another
    /// thread): the chapter's notes first referenced in its rows are attached to them, so blocks must come here in
    /// reading order, after <see cref="BeginChapter"/>.
    /// </summary>
    public LayoutBox Box(TopLevelRows block)
    {
        _footnotes.Attach(block.Rows);
        return block.Box(block.Rows);
    }

    /// <summary>The chapter's notes that no row took, as an end-of-chapter section (usually none); after its last <see cref="Box"/>.</summary>
    public IEnumerable<LayoutBox> Unplaced(Chapter chapter, StructureNode root) => _footnotes.Unplaced(chapter, root);

    /// <summary>
    /// A paragraph ending in a colon (“如下：”, “as follows:”) introduces the block after it (a quote, code, a list,
    /// a table): the two stay together across a page break. A figure floats, so nothing is kept with it.
    /// </summary>
    private static bool IsLeadIn(Block block, Block next) =>
        block is Paragraph p && next is BlockQuote or CodeBlock or ListBlock or Table
        && Inline.PlainText(p.Content).TrimEnd() is [.., '：' or ':'];

    /// <summary>
    /// The rows of block <paramref name="index"/> of <paramref name="chapter"/> at the top level, and how they become
    /// its box: everything but the footnotes, which depend on the blocks before it (<see cref="Box"/>). Reads no state
    /// of this builder, so the blocks of a book may be set on several threads, each with its own builder.
    /// </summary>
    public TopLevelRows TopLevel(Chapter chapter, int index, StructureNode root)
    {
        var block = chapter.Blocks[index];
        var leadIn = index + 1 < chapter.Blocks.Count && IsLeadIn(block, chapter.Blocks[index + 1]);
        return TopLevel(block, root, index == 0, leadIn);
    }

    private TopLevelRows TopLevel(Block block, StructureNode root, bool firstInChapter, bool leadIn)
    {
        switch (block)
        {
            case Heading h:
            {
                var seq = Anchored(HeadingRows(h, Width, root), h);
                if (firstInChapter || h.Level == 1) seq = WithChapterSink(seq);
                RowOrigins.Stamp(seq, h);
                return new TopLevelRows(seq, rows => new LayoutBox(rows.Rows, rows.BreakAfter, h.Span)
                {
                    SpaceBefore = _style.SpaceBeforeHeading(h.Level), SpaceAfter = _style.SpaceAfterHeading(h.Level),
                    KeepWithNext = true, StartsChapter = firstInChapter || h.Level == 1, IsFloatBarrier = h.Level <= 2,
                    Grid = GridFit.Slot, GridPadAbove = 1,
                });
            }
            case Figure f:
            {
                var seq = RowOrigins.Stamp(Anchored(_figures.Rows(f, Width, root), f), f);
                return new TopLevelRows(seq, rows => new LayoutBox(rows.Rows, rows.BreakAfter, f.Span)
                {
                    SpaceBefore = _style.Leading * 0.5, SpaceAfter = _style.Leading * 0.5, IsFloat = true, StartsChapter = firstInChapter, Grid = GridFit.Slot,
                });
            }
            case Table t:
            {
                var (seq, header) = _tables.Rows(t, Width, root);
                RowOrigins.Stamp(Anchored(seq, t), t);
                return new TopLevelRows(seq, rows => new LayoutBox(rows.Rows, rows.BreakAfter, t.Span)
                {
                    SpaceBefore = _style.Leading * 0.5, SpaceAfter = _style.Leading * 0.5, RepeatOnBreak = header, StartsChapter = firstInChapter, Grid = GridFit.Slot,
                });
            }
            case Paragraph:
            {
                var seq = Rows(block, Width, root, 0);
                return new TopLevelRows(seq, rows => new LayoutBox(rows.Rows, rows.BreakAfter, block.Span) { StartsChapter = firstInChapter, KeepWithNext = leadIn });
            }
            default:
            {
                var seq = Rows(block, Width, root, 0);
                return new TopLevelRows(seq, rows => new LayoutBox(rows.Rows, rows.BreakAfter, block.Span)
                {
                    SpaceBefore = _style.BlockGap, SpaceAfter = _style.BlockGap, StartsChapter = firstInChapter,
                    Grid = block is ListBlock or BlockQuote or Admonition or Details ? GridFit.Lines : GridFit.Slot,
                });
            }
        }
    }

    /// <summary>Any block as rows at a given width (used at the top level and inside lists and quotes), each row knowing where in the model it begins.</summary>
    public RowSequence Rows(Block block, Length width, StructureNode parent, int depth) =>
        RowOrigins.Stamp(Anchored(UnstampedRows(block, width, parent, depth), block), block);

    /// <summary>
    /// The block's rows with its anchors (<see cref="Block.Anchors"/>) at the first one: a link to any of them shows
    /// the block from its start.
    /// </summary>
    private static RowSequence Anchored(RowSequence seq, Block block)
    {
        if (block.Anchors.Count > 0 && seq.Count > 0)
            seq.Rows[0] = seq.Rows[0] with { Fragments = [.. block.Anchors.Select(id => new AnchorFragment(id, Length.Zero, Length.Zero)), .. seq.Rows[0].Fragments] };
        return seq;
    }

    private RowSequence UnstampedRows(Block block, Length width, StructureNode parent, int depth)
    {
        if (depth > MaxNesting)
        {
            _context.Diagnostics.Report(DiagnosticCodes.NestingTooDeep, block.Span, "nesting too deep for the page; set flat");
            depth = MaxNesting;
            width = Length.Max(width, Width / 3);
        }
        switch (block)
        {
            case Paragraph p:
                // A centred or right-aligned line starts nowhere in particular: it has no first-line indent.
                return ParagraphRows(p.Content, width, parent.Child("P"), _style.Body,
                    p.Alignment is BlockAlignment.Center or BlockAlignment.Right ? Length.Zero : _style.ParagraphIndent, alignment: LineAlignment(p.Alignment));
            case Heading h:
                return HeadingRows(h, width, parent);
            case ListBlock list:
                return ListRows(list, width, parent, depth);
            case Admonition admonition:
                return AdmonitionRows(admonition, width, parent, depth);
            case Details details:
                return DetailsRows(details, width, parent, depth);
            case BlockQuote quote:
                return QuoteRows(quote, width, parent, depth);
            case CodeBlock code:
                return _code.Rows(code, width, parent);
            case Table table:
                return _tables.Rows(table, width, parent).Rows;
            case Figure figure:
                return _figures.Rows(figure, width, parent);
            case DisplayMath math:
                return _context.Formulas.Display(math.Formula, _style.BodySize, width, parent, math.Span);
            case ThematicBreak:
            {
                var seq = new RowSequence();
                var len = width / 4;
                seq.Add(new BoxRow(_style.Leading, [new RuleFragment((width - len) / 2, _style.Leading / 2, (width + len) / 2, _style.Leading / 2, Length.Pt(0.5))]), false);
                return seq;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name);
        }
    }

    /// <summary>
    /// A paragraph's lines; a picture in it too large for a line (<see cref="PictureSizes"/>) interrupts them and
    /// is set as a block where it occurs, the text after it going on unindented.
    /// </summary>
    public RowSequence ParagraphRows(IReadOnlyList<Inline> content, Length width, StructureNode node, TextStyle baseStyle, Length indent, Length? leading = null,
        TextAlignment alignment = TextAlignment.Justify)
    {
        var seq = new RowSequence();
        var first = true;
        // An English paragraph in a Chinese book is tagged as English, as the EPUB marks it lang="en".
        node.Language ??= PassageLanguage.Of(Inline.PlainText(content), _bookLanguage);
        foreach (var (text, image, link) in SplitAtBlockImages(content))
        {
            if (image != null)
            {
                seq.Append(_figures.BlockImage(image.Image, width, node, link), _style.BlockGap / 2);
                continue;
            }
            var lines = TextLines(text, width, node, baseStyle, first ? indent : Length.Zero, leading ?? baseStyle.Size * _style.LineHeight, alignment);
            if (lines.Count == 0) continue;
            seq.Append(RowSequence.Lines(lines), seq.Count > 0 ? _style.BlockGap / 2 : Length.Zero);
            first = false;
        }
        // Anchors in the text (raw HTML's <a name>) take the paragraph's first line as their place: a link to one
        // shows the paragraph from its start.
        var anchors = content.SelectMany(i => i.DescendantsAndSelf()).OfType<InlineAnchor>().ToArray();
        if (anchors.Length > 0 && seq.Count > 0)
            seq.Rows[0] = seq.Rows[0] with
            {
                Fragments = [.. anchors.Select(a => new AnchorFragment(a.Id, Length.Zero, Length.Zero)), .. seq.Rows[0].Fragments],
            };
        return seq;
    }

    /// <summary>Runs of inlines between pictures set as blocks (alone, or alone in a link).</summary>
    private IEnumerable<(IReadOnlyList<Inline> Text, InlineImage? Image, string? Link)> SplitAtBlockImages(IReadOnlyList<Inline> content)
    {
        var run = new List<Inline>();
        foreach (var inline in content)
        {
            var (image, link) = inline switch
            {
                InlineImage i => (i, null),
                Link { Content: [InlineImage i] } l => (i, l.Target),
                _ => ((InlineImage?)null, (string?)null),
            };
            if (image != null && PictureSizes.IsBlock(_context, image.Image))
            {
                if (run.Count > 0) yield return (run, null, null);
                run = [];
                yield return ([], image, link);
            }
            else run.Add(inline);
        }
        if (run.Count > 0) yield return (run, null, null);
    }

    /// <summary>How the author's alignment (raw HTML's align) sets lines: justified unless the author aligned them.</summary>
    internal static TextAlignment LineAlignment(BlockAlignment alignment) => alignment switch
    {
        BlockAlignment.Center => TextAlignment.Center,
        BlockAlignment.Right => TextAlignment.End,
        BlockAlignment.Left => TextAlignment.Start,
        _ => TextAlignment.Justify,
    };

    private List<BoxRow> TextLines(IReadOnlyList<Inline> content, Length width, StructureNode node, TextStyle baseStyle, Length indent, Length lineHeight,
        TextAlignment alignment)
    {
        var all = new List<BoxRow>();
        var first = true;
        foreach (var segment in _styler.Style(content, baseStyle))
        {
            if (segment.Count == 0 && !first) { all.Add(BoxRow.Space(lineHeight)); continue; }
            if (segment.Count == 0) continue;
            var lines = _context.Compose(segment, width, first ? indent : Length.Zero, content.Count > 0 ? content[0].Span : SourceSpan.None, alignment);
            all.AddRange(TextRowBuilder.Rows(lines, lineHeight, Length.Zero, node));
            first = false;
        }
        return all;
    }

    private RowSequence HeadingRows(Heading h, Length width, StructureNode parent)
    {
        var level = Math.Clamp(h.Level, 1, 6);
        var node = parent.Child("H" + level.ToString(CultureInfo.InvariantCulture));
        var style = _style.Heading(level);
        var segments = _styler.Style(h.Content, style).Where(s => s.Count > 0).ToList();
        var seq = new RowSequence();
        foreach (var segment in segments)
        {
            var lines = _context.Compose(segment, width, Length.Zero, h.Span, LineAlignment(h.Alignment));
            foreach (var row in TextRowBuilder.Rows(lines, _style.HeadingLeading(level), Length.Zero, node))
                seq.Add(row, false);
        }
        if (seq.Count == 0) seq.Add(new BoxRow(_style.HeadingLeading(level), []), false);
        var firstRow = seq.Rows[0];
        var fragments = new List<PageFragment> { new AnchorFragment(h.Id, Length.Zero, Length.Zero) };
        fragments.AddRange(firstRow.Fragments);
        seq.Rows[0] = firstRow with { Fragments = fragments, Mark = new RunningMark(level, h.PlainText) };
        return seq;
    }

    /// <summary>
    /// A chapter title is set lower than the text of other pages (a sink of three lines); the heading's anchor
    /// moves to the top of the sink, so links and bookmarks show the page from its head.
    /// </summary>
    private RowSequence WithChapterSink(RowSequence heading)
    {
        var anchors = heading.Rows[0].Fragments.OfType<AnchorFragment>().ToList();
        var seq = new RowSequence();
        seq.Add(BoxRow.Sink(_style.Leading * 3) with { Fragments = anchors }, false);
        var first = heading.Rows[0];
        seq.Add(first with { Fragments = first.Fragments.Where(f => f is not AnchorFragment).ToList() }, heading.BreakAfter[0]);
        for (var i = 1; i < heading.Count; i++) seq.Add(heading.Rows[i], heading.BreakAfter[i]);
        return seq;
    }

    private RowSequence ListRows(ListBlock list, Length width, StructureNode parent, int depth)
    {
        var node = parent.Child("L");
        var seq = new RowSequence();
        var indent = _style.ListIndent;
        var number = list.Start;
        foreach (var item in list.Items)
        {
            var li = node.Child("LI");
            var body = li.Child("LBody");
            var content = new RowSequence();
            foreach (var b in item.Blocks)
            {
                content.Append(InnerRows(b, width - indent, body, depth), _style.BlockGap / 2);
            }
            if (content.Count == 0) content.Add(new BoxRow(_style.Leading, []), false);
            var indented = content.Indented(indent);
            // A task item's box takes the place of its bullet or number, as on GitHub (an ordered list still counts it).
            var marker = item.TaskBox ?? (list.Ordered ? number.ToString(CultureInfo.InvariantCulture) + "." : Bullet(depth));
            number++;
            var first = indented.Rows[0];
            var baseline = FirstBaseline(first) ?? _style.Leading * 0.72;
            // A bullet from the serif face is a faint dot at text size; the sans bold one reads as a list marker.
            var markerStyle = item.TaskBox != null ? TaskBoxStyle(item.TaskBox)
                : list.Ordered ? _style.Body : _style.Body with { Font = FontRole.SansBold };
            var markerWidth = _context.MeasureWidth(marker, markerStyle);
            var run = new PositionedRun(marker, markerStyle, Length.Zero, markerWidth, Length.Zero, marker);
            var lbl = li.Child("Lbl");
            var fragments = new List<PageFragment> { new TextFragment(run, indent - markerWidth - _style.BodySize * 0.5, baseline, lbl) };
            fragments.AddRange(first.Fragments);
            indented.Rows[0] = first with { Fragments = fragments };
            // No space between items: their lines stay on the body's baseline grid.
            seq.Append(indented, Length.Zero);
        }
        return seq;
    }

    /// <summary>
    /// The body style in the face the fallback chain picks for a task box (the text faces lack ☐ and ☑): the marker
    /// is one run in one face, so it is measured and drawn in that face, never as an empty box.
    /// </summary>
    private TextStyle TaskBoxStyle(string box) =>
        _style.Body with { Font = _context.Measurer.ResolveFace(_style.Body.Font, char.ConvertToUtf32(box, 0)) };

    /// <summary>
    /// A block inside a list item, admonition or quote: a paragraph unindented (its first line too) in the author's
    /// alignment, anything else as at the top level one level deeper.
    /// </summary>
    private RowSequence InnerRows(Block block, Length width, StructureNode node, int depth) => block is Paragraph p
        ? RowOrigins.Stamp(ParagraphRows(p.Content, width, node.Child("P"), _style.Body, Length.Zero, alignment: LineAlignment(p.Alignment)), p)
        : Rows(block, width, node, depth + 1);

    private string Bullet(int depth)
    {
        string[] candidates = depth % 2 == 0 ? ["•", "·"] : ["◦", "–", "·"];
        foreach (var c in candidates)
            if (_context.Measurer.HasGlyph(FontRole.SansBold, char.ConvertToUtf32(c, 0))) return c;
        return "-";
    }

    internal static Length? FirstBaseline(BoxRow row) =>
        row.Fragments.OfType<TextFragment>().Select(t => (Length?)t.Baseline).FirstOrDefault();

    /// <summary>
    /// A GitHub alert in print: its label in bold on a line of its own, then its blocks, all beside a heavy bar
    /// (black ink only, so the kind is told by the label, not by colour).
    /// </summary>
    private RowSequence AdmonitionRows(Admonition admonition, Length width, StructureNode parent, int depth)
    {
        var node = parent.Child("Div");
        var title = ParagraphRows([new Model.Strong([new Model.Text(admonition.Label(_context.Labels), admonition.Span)], admonition.Span)],
            width - _style.QuoteIndent, node.Child("P"), _style.Body, Length.Zero);
        return BarredRows(title, admonition.Blocks, width, node, depth, Length.Pt(3));
    }

    /// <summary>
    /// A collapsible block in print: paper cannot fold, so it is open, its summary in bold as the title, its blocks
    /// after it, beside a thin bar that shows where it ends.
    /// </summary>
    private RowSequence DetailsRows(Details details, Length width, StructureNode parent, int depth)
    {
        var node = parent.Child("Div");
        var title = details.Summary.Count == 0 ? new RowSequence()
            : ParagraphRows([new Model.Strong(details.Summary, details.Span)], width - _style.QuoteIndent, node.Child("P"), _style.Body, Length.Zero);
        return BarredRows(title, details.Blocks, width, node, depth, Length.Pt(0.75));
    }

    /// <summary>
    /// <paramref name="content"/> (a bold title, or nothing) followed by <paramref name="blocks"/>, indented by a
    /// quote's indent, beside a vertical bar of <paramref name="thickness"/>: admonitions and details in print.
    /// </summary>
    private RowSequence BarredRows(RowSequence content, IReadOnlyList<Block> blocks, Length width, StructureNode node, int depth, Length thickness)
    {
        var indent = _style.QuoteIndent;
        foreach (var b in blocks)
        {
            content.Append(InnerRows(b, width - indent, node, depth), _style.BlockGap / 2);
        }
        var bar = indent * 0.35;
        return content.Indented(indent, row => [new RuleFragment(bar, Length.Zero, bar, row.Height, thickness)]);
    }

    private RowSequence QuoteRows(BlockQuote quote, Length width, StructureNode parent, int depth)
    {
        var node = parent.Child("BlockQuote");
        var content = new RowSequence();
        var indent = _style.QuoteIndent;
        foreach (var b in quote.Blocks)
        {
            content.Append(InnerRows(b, width - indent, node, depth), _style.BlockGap / 2);
        }
        var bar = indent * 0.35;
        return content.Indented(indent, row => [new RuleFragment(bar, Length.Zero, bar, row.Height, Length.Pt(1.5))]);
    }
}
