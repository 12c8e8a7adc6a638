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
        Assert.Equal((1, 55.0), Where(pages, "after.5"));
    }

    [Fact]
    public void Floats_keep_their_order()
    {
        var pages = Paginate(Filler(6), Single("fig1", 55, isFloat: true), Single("fig2", 20, isFloat: true), Single("text", 10));
        Assert.Equal((1, 0.0), Where(pages, "fig1"));
        Assert.Equal((1, 55.0), Where(pages, "fig2"));
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
        Assert.Equal((1, 55.0), Where(pages, "section"));
        Assert.Equal((1, 65.0), Where(pages, "body.1"));
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
}
