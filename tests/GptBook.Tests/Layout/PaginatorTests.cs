using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Layout;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Tests.Layout;

/// <summary>Pagination of plain boxes on a page whose type area is 100 × 100 pt: which row lands on which page, where.</summary>
public sealed class PaginatorTests
{
    private static readonly PageGeometry Geometry = PageGeometry.From(new PdfOptions
    {
        PageSize = new PageSize("test", Length.Pt(200), Length.Pt(200)),
        InnerMargin = Length.Pt(50), OuterMargin = Length.Pt(50), TopMargin = Length.Pt(50), BottomMargin = Length.Pt(50),
        // A 10 pt grid: the type area is exactly 10 lines of 10 ems.
        FontSize = Length.Pt(10), LineHeight = 1.0,
    });

    private readonly DiagnosticBag _diagnostics = new();

    private static BoxRow Row(string id, double height = 10) => new(Length.Pt(height), [new AnchorFragment(id, Length.Zero, Length.Zero)]);

    private static LayoutBox Lines(string id, int count) =>
        Box(RowSequence.Lines(Enumerable.Range(1, count).Select(i => Row($"{id}.{i}")).ToList()));

    private static LayoutBox Box(RowSequence seq, bool keepWithNext = false, bool isFloat = false) =>
        new(seq.Rows, seq.BreakAfter, SourceSpan.None) { KeepWithNext = keepWithNext, IsFloat = isFloat };

    private static LayoutBox Single(string id, double height, bool keepWithNext = false, bool isFloat = false)
    {
        var seq = new RowSequence();
        seq.Add(Row(id, height), false);
        return Box(seq, keepWithNext, isFloat);
    }

    private static LayoutBox Filler(int rows) => Box(Enumerable.Range(1, rows).Aggregate(new RowSequence(), (s, i) => { s.Add(Row("fill." + i), true); return s; }));

    private IReadOnlyList<PaginatedPage> Paginate(params LayoutBox[] boxes) =>
        new Paginator(new PageProvider(Geometry, 0), _diagnostics).Paginate(boxes);

    private static (int Page, double Y) Where(IReadOnlyList<PaginatedPage> pages, string id)
    {
        for (var p = 0; p < pages.Count; p++)
            foreach (var a in pages[p].Fragments.OfType<AnchorFragment>())
                if (a.Id == id) return (p, (a.Y - pages[p].Region.Area.Y).Points);
        throw new Xunit.Sdk.XunitException($"{id} was not placed");
    }

    [Fact]
    public void Rows_fill_pages_in_order_and_continue_overleaf()
    {
        var boxes = Enumerable.Range(1, 25).Select(i => Single("b" + i, 10)).ToArray();
        var pages = Paginate(boxes);
        Assert.Equal(3, pages.Count);
        Assert.Equal((0, 0.0), Where(pages, "b1"));
        Assert.Equal((0, 90.0), Where(pages, "b10"));
        Assert.Equal((1, 0.0), Where(pages, "b11"));
        Assert.Equal((2, 40.0), Where(pages, "b25"));
        Assert.True(pages[0].Region.IsRightHand);
        Assert.False(pages[1].Region.IsRightHand);
        Assert.True(pages[1].Region.Area.X < pages[0].Region.Area.X || Geometry.InnerMargin == Geometry.OuterMargin);
    }

    [Fact]
    public void A_heading_moves_to_the_next_page_unless_two_lines_of_what_follows_fit_with_it()
    {
        var pages = Paginate(Filler(8), Single("heading", 10, keepWithNext: true), Lines("p", 4));
        Assert.Equal(1, Where(pages, "heading").Page);
        Assert.Equal((1, 10.0), Where(pages, "p.1"));

        var loose = Paginate(Filler(7), Single("heading", 10, keepWithNext: true), Lines("p", 4));
        Assert.Equal((0, 70.0), Where(loose, "heading"));
        Assert.Equal(0, Where(loose, "p.2").Page);
        Assert.Equal(1, Where(loose, "p.3").Page);
    }

    [Fact]
    public void A_chain_of_headings_moves_together()
    {
        var pages = Paginate(Filler(7), Single("h2", 10, keepWithNext: true), Single("h3", 10, keepWithNext: true), Lines("p", 4));
        Assert.Equal(1, Where(pages, "h2").Page);
        Assert.Equal(1, Where(pages, "h3").Page);
    }

    [Fact]
    public void No_orphan_is_left_at_the_foot_of_a_page()
    {
        var pages = Paginate(Filler(9), Lines("p", 5));
        Assert.Equal((1, 0.0), Where(pages, "p.1"));
    }

    [Fact]
    public void No_widow_starts_a_page()
    {
        var pages = Paginate(Filler(6), Lines("p", 5));
        Assert.Equal(0, Where(pages, "p.3").Page);
        Assert.Equal((1, 0.0), Where(pages, "p.4"));
        Assert.Equal(1, Where(pages, "p.5").Page);
    }

    [Fact]
    public void A_figure_is_kept_together_with_its_caption()
    {
        var figure = new RowSequence();
        figure.Add(Row("image", 40), false);
        figure.Add(BoxRow.Space(Length.Pt(5)), false);
        figure.Add(Row("caption", 10), false);
        var pages = Paginate(Filler(6), Box(figure));
        Assert.Equal((1, 0.0), Where(pages, "image"));
        Assert.Equal((1, 45.0), Where(pages, "caption"));
    }

    [Fact]
    public void A_figure_that_does_not_fit_moves_to_the_next_page_and_the_text_after_it_fills_the_gap()
    {
        var pages = Paginate(Filler(6), Single("figure", 55, isFloat: true), Single("after.1", 10), Single("after.2", 10), Single("after.3", 10), Single("after.4", 10), Single("after.5", 10));
        Assert.Equal((0, 60.0), Where(pages, "after.1"));
        Assert.Equal((0, 90.0), Where(pages, "after.4"));
        Assert.Equal((1, 0.0), Where(pages, "figure"));
        Assert.Equal((1, 60.0), Where(pages, "after.5")); // on the next grid line
    }

    [Fact]
    public void Floats_keep_their_order()
    {
        var pages = Paginate(Filler(6), Single("fig1", 55, isFloat: true), Single("fig2", 20, isFloat: true), Single("text", 10));
        Assert.Equal((1, 0.0), Where(pages, "fig1"));
        Assert.Equal((1, 60.0), Where(pages, "fig2")); // on the next grid line
        Assert.Equal((0, 60.0), Where(pages, "text"));
    }

    [Fact]
    public void A_block_taller_than_a_page_is_reported_and_split_without_hanging()
    {
        var tall = new RowSequence();
        for (var i = 1; i <= 30; i++) tall.Add(Row("tall." + i), false);
        var pages = Paginate(Single("before", 10), Box(tall), Single("after", 10));
        Assert.Contains(_diagnostics.Items, d => d.Code == DiagnosticCodes.BoxTooLarge.Id);
        Assert.Equal(1, Where(pages, "tall.1").Page);
        Assert.Equal((3, 90.0), Where(pages, "tall.30"));
        Assert.Equal(4, Where(pages, "after").Page);
    }

    [Fact]
    public void A_single_row_taller_than_a_page_is_clipped_and_reported()
    {
        var pages = Paginate(Single("giant", 250), Single("after", 10));
        Assert.Single(_diagnostics.Items, d => d.Code == DiagnosticCodes.BoxTooLarge.Id);
        Assert.Equal((0, 0.0), Where(pages, "giant"));
        Assert.Equal((1, 0.0), Where(pages, "after"));
    }

    [Fact]
    public void A_float_taller_than_a_page_does_not_hang()
    {
        var pages = Paginate(Single("text", 10), Single("huge", 300, isFloat: true), Single("more", 10));
        Assert.Equal(1, Where(pages, "huge").Page);
        Assert.Contains(_diagnostics.Items, d => d.Code == DiagnosticCodes.BoxTooLarge.Id);
        Assert.Equal(0, Where(pages, "more").Page);
    }

    [Fact]
    public void A_table_header_is_repeated_on_the_continuation_page()
    {
        var table = new RowSequence();
        table.Add(Row("header"), false);
        for (var i = 1; i <= 15; i++) table.Add(Row("row." + i), true);
        var header = new[] { new BoxRow(Length.Pt(10), [new AnchorFragment("header.repeat", Length.Zero, Length.Zero)]) };
        var box = new LayoutBox(table.Rows, table.BreakAfter, SourceSpan.None) { RepeatOnBreak = header };
        var pages = Paginate(box);
        Assert.Equal((1, 0.0), Where(pages, "header.repeat"));
        Assert.Equal((1, 10.0), Where(pages, "row.10"));
    }

    [Fact]
    public void Floats_are_set_before_the_next_chapter_opens()
    {
        var chapter = new RowSequence();
        chapter.Add(Row("chapter2"), false);
        var opening = new LayoutBox(chapter.Rows, chapter.BreakAfter, SourceSpan.None) { StartsChapter = true };
        var pages = Paginate(Filler(6), Single("figure", 55, isFloat: true), Single("text", 10), opening);
        Assert.Equal((0, 60.0), Where(pages, "text"));
        Assert.Equal((1, 0.0), Where(pages, "figure"));
        Assert.Equal((2, 0.0), Where(pages, "chapter2"));
        Assert.True(pages[2].IsChapterOpening);
        Assert.False(pages[1].IsChapterOpening);
    }

    [Fact]
    public void A_deferred_figure_is_set_before_the_next_section_heading()
    {
        var heading = new RowSequence();
        heading.Add(Row("section"), false);
        var section = new LayoutBox(heading.Rows, heading.BreakAfter, SourceSpan.None) { KeepWithNext = true, IsFloatBarrier = true };
        var pages = Paginate(Filler(6), Single("figure", 55, isFloat: true), Single("text", 10), section, Single("body.1", 10), Single("body.2", 10));
        // The text after the figure fills the page up to the heading, and no further.
        Assert.Equal((0, 60.0), Where(pages, "text"));
        Assert.Equal((1, 0.0), Where(pages, "figure"));
        Assert.Equal((1, 60.0), Where(pages, "section"));
        Assert.Equal((1, 70.0), Where(pages, "body.1"));
        Assert.DoesNotContain(pages[0].Fragments.OfType<AnchorFragment>(), a => a.Id is "section" or "body.1");
    }

    [Fact]
    public void A_heading_that_is_no_barrier_lets_the_text_flow_past_a_deferred_figure()
    {
        var heading = new RowSequence();
        heading.Add(Row("h4"), false);
        var minor = new LayoutBox(heading.Rows, heading.BreakAfter, SourceSpan.None) { KeepWithNext = true };
        var pages = Paginate(Filler(6), Single("figure", 55, isFloat: true), Single("text", 10), minor, Single("body.1", 10));
        Assert.Equal((0, 70.0), Where(pages, "h4"));
        Assert.Equal((0, 80.0), Where(pages, "body.1"));
        Assert.Equal((1, 0.0), Where(pages, "figure"));
    }

    private static LayoutBox Slot(string id, double height, double padAbove = 0.5, double before = 0, double after = 0)
    {
        var seq = new RowSequence();
        seq.Add(Row(id, height), false);
        return new LayoutBox(seq.Rows, seq.BreakAfter, SourceSpan.None)
        {
            Grid = GridFit.Slot, GridPadAbove = padAbove, SpaceBefore = Length.Pt(before), SpaceAfter = Length.Pt(after),
        };
    }

    [Fact]
    public void A_block_that_is_not_whole_lines_takes_the_whole_lines_that_hold_it_and_the_text_after_it_is_on_the_grid()
    {
        // 23 pt with 4 pt before and 2 after needs 29 pt: three 10 pt lines; the spare 1 pt goes above (a heading's way).
        var pages = Paginate(Lines("a", 2), Slot("heading", 23, padAbove: 1, before: 4, after: 2), Lines("b", 3));
        Assert.Equal((0, 25.0), Where(pages, "heading"));
        Assert.Equal((0, 50.0), Where(pages, "b.1"));
        // A figure's spare space is shared above and below.
        var figure = Paginate(Lines("a", 2), Slot("figure", 14), Lines("b", 3));
        Assert.Equal((0, 23.0), Where(figure, "figure"));
        Assert.Equal((0, 40.0), Where(figure, "b.1"));
    }

    [Fact]
    public void Every_full_page_ends_on_the_same_grid_line()
    {
        var boxes = new List<LayoutBox>();
        for (var i = 0; i < 12; i++)
        {
            boxes.Add(Lines("p" + i, 3 + i % 4));
            boxes.Add(Slot("s" + i, 7 + 3 * (i % 5), padAbove: i % 2, before: 3, after: 2));
        }
        var pages = Paginate(boxes.ToArray());
        Assert.True(pages.Count >= 3);
        foreach (var page in pages.Take(pages.Count - 1))
        {
            var area = page.Region.Area;
            foreach (var a in page.Fragments.OfType<AnchorFragment>().Where(a => a.Id.StartsWith('p')))
                Assert.Equal(0, ((a.Y - area.Y).Points + 1e-6) % 10, 4);
        }
    }

    [Fact]
    public void A_lead_in_stays_with_the_block_it_introduces_and_leaves_the_rest_of_its_paragraph_behind()
    {
        var leadIn = Lines("lead", 5);
        var kept = new LayoutBox(leadIn.Rows, Enumerable.Range(0, 5).Select(i => i >= 1 && i <= 2).ToList(), SourceSpan.None) { KeepWithNext = true };
        var pages = Paginate(Filler(4), kept, Lines("quote", 3));
        // Six lines are left after the filler: the lead-in's five fit, but not with two lines of the quote. Its
        // last two lines go over with the quote; the first three stay.
        Assert.Equal((0, 60.0), Where(pages, "lead.3"));
        Assert.Equal((1, 0.0), Where(pages, "lead.4"));
        Assert.Equal((1, 20.0), Where(pages, "quote.1"));
    }

    [Fact]
    public void Code_keeps_two_lines_on_each_side_of_a_page_break()
    {
        var seq = new RowSequence();
        for (var i = 0; i < 6; i++) seq.Add(Row("code." + i), i >= 1 && i <= 6 - 3);
        var code = new LayoutBox(seq.Rows, seq.BreakAfter, SourceSpan.None) { Grid = GridFit.Slot };
        var one = Paginate(Filler(9), code);
        Assert.Equal(1, Where(one, "code.0").Page);
        var two = Paginate(Filler(8), code);
        Assert.Equal((0, 90.0), Where(two, "code.1"));
        Assert.Equal(1, Where(two, "code.2").Page);
        var end = Paginate(Filler(5), code);
        Assert.Equal(0, Where(end, "code.3").Page);
        Assert.Equal((1, 0.0), Where(end, "code.4"));
    }

    private static BoxRow NoteRow(string id) => Row(id);

    private static LayoutBox WithNote(string id, int lines, int referencingLine, int noteLines)
    {
        var seq = RowSequence.Lines(Enumerable.Range(1, lines).Select(i => Row($"{id}.{i}")).ToList());
        var note = new FootnoteRows("fn-" + id, Enumerable.Range(1, noteLines).Select(i => NoteRow($"note-{id}.{i}")).ToList());
        seq.Rows[referencingLine - 1] = seq.Rows[referencingLine - 1] with { Notes = [note] };
        return Box(seq);
    }

    [Fact]
    public void A_footnote_is_set_at_the_foot_of_the_page_of_its_reference_and_the_text_gives_way()
    {
        var pages = Paginate(Filler(3), WithNote("p", 4, 2, 2), Lines("q", 4));
        // The foot holds the rule (7.5 pt) and two note lines, from 72.5 pt; the text stops above it, so the next
        // paragraph's two first lines no longer fit.
        Assert.Equal((0, 80.0), Where(pages, "note-p.1"));
        Assert.Equal((0, 90.0), Where(pages, "note-p.2"));
        Assert.Equal((0, 60.0), Where(pages, "p.4"));
        Assert.Equal((1, 0.0), Where(pages, "q.1"));
        // The note's fragments come right after the line that references it, so the structure nests it there.
        var fragments = pages[0].Fragments;
        var line = fragments.FindIndex(f => f is AnchorFragment { Id: "p.2" });
        Assert.IsType<RuleFragment>(fragments[line + 1]);
        Assert.True(fragments[line + 2] is AnchorFragment { Id: "note-p.1" });
    }

    [Fact]
    public void A_footnote_too_long_for_the_rest_of_the_page_is_split_and_continues_overleaf()
    {
        var pages = Paginate(Filler(6), WithNote("p", 2, 2, 6), Lines("q", 3));
        Assert.Equal((0, 70.0), Where(pages, "p.2"));
        Assert.Equal(0, Where(pages, "note-p.1").Page);
        var last = Where(pages, "note-p.6");
        Assert.Equal(1, last.Page);
        Assert.Equal(90.0, last.Y);
        Assert.Equal((1, 0.0), Where(pages, "q.1"));
    }
}
