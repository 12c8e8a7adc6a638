using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Tests.Layout;

/// <summary>The whole book with fixed advances: front matter, page labels, running heads, and TOC numbers that settle.</summary>
public sealed class BookLayoutEngineTests
{
    private readonly DiagnosticBag _diagnostics = new();

    private BookLayout Layout(Book book, PdfOptions? options = null)
    {
        var measurer = new FixedAdvanceMeasurer();
        var context = new LayoutContext(options ?? new PdfOptions(), measurer, new FixedLineComposer(measurer), ImageCatalog.Empty,
            LanguageLabels.Chinese, _diagnostics);
        return new BookLayoutEngine(context).Layout(book);
    }

    /// <summary>A chapter with 40 sections of six paragraphs each: enough for a TOC of more than one page.</summary>
    private static Book LongBook()
    {
        var s = new SourceSpan("long.md", 1, 1);
        var blocks = new List<Block> { new Heading(1, [new Model.Text("长书", s)], "title", s) };
        for (var i = 1; i <= 40; i++)
        {
            blocks.Add(new Heading(i % 5 == 1 ? 2 : 3, [new Model.Text($"第 {i} 节", s)], "s" + i, s));
            for (var k = 0; k < 6; k++)
                blocks.Add(new Paragraph([new Model.Text(string.Concat(Enumerable.Repeat("汉字排版的段落文字。", 8)), s)], s));
        }
        var meta = new BookMetadata("long", "长书", null, "zh-CN", ["作者"], new DateOnly(2026, 1, 1), null, []);
        return new Book(meta, [new Chapter("long", "long.md", blocks, [])]);
    }

    private static IEnumerable<(string Id, string Printed)> TocEntries(BookLayout layout)
    {
        foreach (var page in layout.Pages.Where(p => p.Kind == PageKind.FrontMatter))
            foreach (var link in page.Fragments.OfType<LinkFragment>())
            {
                var number = page.Fragments.OfType<TextFragment>().Last(t => ReferenceEquals(t.Structure, link.Structure));
                yield return (link.Target.TrimStart('#'), number.Run.Text);
            }
    }

    [Fact]
    public void Toc_page_numbers_equal_the_pages_where_the_headings_are_set()
    {
        var layout = Layout(LongBook());
        var entries = TocEntries(layout).ToList();
        Assert.Equal(40, entries.Count);
        foreach (var (id, printed) in entries)
            Assert.Equal(layout.Pages[layout.Anchors[id].PageIndex].Label, printed);
        Assert.DoesNotContain(_diagnostics.Items, d => d.Code == DiagnosticCodes.TocNotSettled.Id);
        Assert.True(layout.Pages.Count(p => p.Kind == PageKind.FrontMatter && p.Fragments.OfType<LinkFragment>().Any()) >= 2, "the TOC should span pages");
    }

    [Fact]
    public void Toc_leaders_stand_in_columns_half_an_em_from_the_text_and_the_number()
    {
        var options = new PdfOptions();
        var em = options.FontSize.Points;
        var layout = Layout(LongBook(), options);
        var rows = layout.Pages.Where(p => p.Kind == PageKind.FrontMatter)
            .SelectMany(p => p.Fragments.OfType<TextFragment>().Where(t => t.Baseline > Length.Zero).GroupBy(t => (p.Index, t.Baseline.Points)))
            .Select(g => g.OrderBy(t => t.X.Points).ToList())
            .Where(r => r.Any(t => t.Run.Text == "."))
            .ToList();
        Assert.True(rows.Count >= 40);
        // Page numbers of one and two digits (the long book runs past page 9), so the number widths differ.
        Assert.Contains(rows, r => r[^1].Run.Text.Length == 1);
        Assert.Contains(rows, r => r[^1].Run.Text.Length == 2);
        // Left and right pages have their type areas at different x: dots are compared within the type area.
        double InArea(TextFragment t) => (t.X - layout.Geometry.TextBlock(layout.Pages.First(p => p.Fragments.Contains(t)).IsRightHand).X).Points;
        var dots = rows.SelectMany(r => r.Where(t => t.Run.Text == ".").Select(InArea)).ToList();
        var pitch = rows[0].Where(t => t.Run.Text == ".").Select(t => t.X.Points).Order().Zip(rows[0].Where(t => t.Run.Text == ".").Select(t => t.X.Points).Order().Skip(1), (a, b) => b - a).First();
        var anchor = dots.Max();
        // Columns: every dot of every entry lies on one grid.
        Assert.All(dots, x => Assert.Equal(0, Math.Abs(Math.IEEERemainder(anchor - x, pitch)), 6));
        foreach (var row in rows)
        {
            var firstDot = row.FindIndex(t => t.Run.Text == ".");
            var lastDot = row.FindLastIndex(t => t.Run.Text == ".");
            var textEnd = row.Take(firstDot).Max(t => (t.X + t.Run.Width).Points);
            var gap = row[firstDot].X.Points - textEnd;
            Assert.InRange(gap, 0.5 * em - 1e-6, 0.5 * em + pitch + 1e-6);
            var number = row[^1];
            Assert.True(number.X.Points - (row[lastDot].X + row[lastDot].Run.Width).Points >= 0.5 * em - 1e-6, $"last dot too close to {number.Run.Text}");
        }
    }

    [Fact]
    public void A_book_without_headings_at_the_toc_levels_gets_no_empty_contents_page()
    {
        var s = new SourceSpan("note.md", 1, 1);
        var meta = new BookMetadata("note", "短笺", null, "zh-CN", ["作者"], new DateOnly(2026, 1, 1), null, []);
        var book = new Book(meta, [new Chapter("note", "note.md",
            [new Heading(1, [new Model.Text("短笺", s)], "note", s), new Paragraph([new Model.Text("只有一段正文。", s)], s)], [])]);

        var layout = Layout(book);

        Assert.Equal([PageKind.Cover, PageKind.FrontMatter], layout.Pages.Take(layout.BodyStartIndex).Select(p => p.Kind));
        Assert.DoesNotContain(layout.Pages, p => p.Fragments.OfType<TextFragment>().Any(t => t.Run.Text.Contains(LanguageLabels.Chinese.TableOfContents)));
        Assert.True(layout.Pages[layout.BodyStartIndex].IsRightHand);
    }

    /// <summary>Three chapters, each an h1 with two h2 sections of which the second has an h3 and an h4.</summary>
    private static Book ChapteredBook(bool dated = true)
    {
        var s = new SourceSpan("ch.md", 1, 1);
        var chapters = new List<Chapter>();
        for (var c = 1; c <= 3; c++)
        {
            Block H(int level, string text, string id) => new Heading(level, [new Model.Text(text, s)], id, s);
            var p = new Paragraph([new Model.Text(string.Concat(Enumerable.Repeat("章节里的正文段落。", 12)), s)], s);
            chapters.Add(new Chapter("c" + c, $"c{c}.md",
                [H(1, $"第{c}章", $"c{c}"), p, H(2, $"{c}.1 节", $"c{c}-1"), p, H(2, $"{c}.2 节", $"c{c}-2"), H(3, $"{c}.2.1 小节", $"c{c}-2-1"), p, H(4, $"{c}.2.1.1 段", $"c{c}-2-1-1"), p], []));
        }
        var meta = new BookMetadata("chaptered", "分章的书", null, "zh-CN", ["作者"], new DateOnly(1980, 1, 1), null, []) { HasDate = dated };
        return new Book(meta, chapters);
    }

    [Fact]
    public void A_book_of_several_chapters_lists_the_chapter_titles_by_default()
    {
        var entries = TocEntries(Layout(ChapteredBook())).Select(e => e.Id).ToList();
        Assert.Equal(["c1", "c1-1", "c1-2", "c1-2-1", "c2", "c2-1", "c2-2", "c2-2-1", "c3", "c3-1", "c3-2", "c3-2-1"], entries);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, 15)]
    [InlineData(new[] { 1, 4 }, 6)]
    [InlineData(new[] { 2, 3 }, 9)]
    public void Any_set_of_toc_levels_is_listed_and_indented_by_rank(int[] levels, int count)
    {
        var layout = Layout(ChapteredBook(), new PdfOptions { TocLevels = levels });
        var entries = TocEntries(layout).ToList();
        Assert.Equal(count, entries.Count);
        // Each listed level is indented one step (2 em) more than the listed level above it, whatever its number.
        var levelOf = ChapteredBook().Headings().ToDictionary(h => h.Id, h => h.Level);
        foreach (var page in layout.Pages.Where(p => p.Kind == PageKind.FrontMatter))
        {
            var area = layout.Geometry.TextBlock(page.IsRightHand);
            foreach (var link in page.Fragments.OfType<LinkFragment>())
            {
                var x = page.Fragments.OfType<TextFragment>().Where(t => ReferenceEquals(t.Structure, link.Structure)).Min(t => t.X);
                var rank = Array.IndexOf(levels, levelOf[link.Target.TrimStart('#')]);
                Assert.Equal(21.0 * rank, (x - area.X).Points, 3);
            }
        }
    }

    [Fact]
    public void A_book_without_a_date_prints_none_on_its_title_page()
    {
        var undated = Layout(ChapteredBook(dated: false)).Pages[0].Fragments.OfType<TextFragment>().Select(t => t.Run.Text).ToList();
        var dated = Layout(ChapteredBook(dated: true)).Pages[0].Fragments.OfType<TextFragment>().Select(t => t.Run.Text).ToList();
        Assert.Contains("1980年1月1日", dated);
        Assert.DoesNotContain(undated, t => t.Contains("1980") || t.Contains('年'));
        Assert.Contains("作者", undated);
    }

    [Fact]
    public void In_a_book_of_chapters_left_running_heads_name_the_chapter()
    {
        var layout = Layout(ChapteredBook());
        var body = layout.Pages.Skip(layout.BodyStartIndex).Where(p => !p.IsChapterOpening && !p.IsRightHand && p.Fragments.OfType<TextFragment>().Any(t => t.Structure != null)).ToList();
        Assert.NotEmpty(body);
        Assert.All(body, p => Assert.Contains(p.Fragments.OfType<TextFragment>(), t => t.Structure == null && t.Run.Text.StartsWith('第') && t.Run.Text.EndsWith('章')));
    }

    [Fact]
    public void Front_matter_is_numbered_in_roman_and_the_body_starts_on_a_right_hand_page_one()
    {
        var layout = Layout(LongBook());
        Assert.Equal(PageKind.Cover, layout.Pages[0].Kind);
        Assert.Equal(["i", "ii", "iii"], layout.Pages.Take(3).Select(p => p.Label));
        Assert.Equal(0, layout.BodyStartIndex % 2);
        var first = layout.Pages[layout.BodyStartIndex];
        Assert.Equal("1", first.Label);
        Assert.True(first.IsRightHand);
        Assert.True(first.IsChapterOpening);
        Assert.All(layout.Pages.Skip(layout.BodyStartIndex), p => Assert.Equal(p.Index % 2 == 0, p.IsRightHand));
    }

    [Fact]
    public void Running_heads_show_the_title_on_left_pages_and_the_section_on_right_pages_but_not_on_openings()
    {
        var layout = Layout(LongBook());
        var body = layout.Pages.Skip(layout.BodyStartIndex).ToList();
        Assert.DoesNotContain(body[0].Fragments.OfType<TextFragment>(), t => t.Structure == null && t.Run.Text == "1");
        var left = body[1];
        Assert.Contains(left.Fragments.OfType<TextFragment>(), t => t.Structure == null && t.Run.Text == "长书");
        Assert.Contains(left.Fragments.OfType<TextFragment>(), t => t.Structure == null && t.Run.Text == "2");
        var right = body[2];
        Assert.Contains(right.Fragments.OfType<TextFragment>(), t => t.Structure == null && t.Run.Text.StartsWith("第 ", StringComparison.Ordinal));
        var folio = right.Fragments.OfType<TextFragment>().Single(t => t.Structure == null && t.Run.Text == "3");
        var area = layout.Geometry.TextBlock(true);
        Assert.Equal(area.Right.Points, (folio.X + folio.Run.Width).Points, 3);
    }

    [Fact]
    public void Body_text_stays_inside_the_type_area()
    {
        var layout = Layout(LongBook());
        foreach (var page in layout.Pages.Where(p => p.Kind == PageKind.Body))
        {
            var area = layout.Geometry.TextBlock(page.IsRightHand);
            foreach (var t in page.Fragments.OfType<TextFragment>().Where(t => t.Structure != null))
            {
                Assert.InRange(t.X.Points, area.X.Points - 0.01, area.Right.Points);
                Assert.InRange((t.X + t.Run.Width).Points, area.X.Points, area.Right.Points + 0.01);
                Assert.InRange(t.Baseline.Points, area.Y.Points, area.Bottom.Points + 0.01);
            }
        }
    }

    [Fact]
    public void Bleed_and_crop_marks_grow_the_media_box_around_the_trim_box()
    {
        var options = new PdfOptions { Bleed = Length.Mm(3), CropMarks = true };
        var g = PageGeometry.From(options);
        Assert.Equal(148 + 2 * (3 + 10), g.MediaWidth.Millimetres, 6);
        Assert.Equal(Length.Mm(13).Points, g.TrimBox.X.Points, 6);
        Assert.Equal(Length.Mm(10).Points, g.BleedBox.X.Points, 6);
        var layout = Layout(LongBook(), options);
        var marks = layout.Pages[0].Fragments.OfType<CropMarkFragment>().Where(r => r.Structure == null).ToList();
        Assert.True(marks.Count >= 8);
        Assert.All(marks.Skip(marks.Count - 8), m => Assert.False(
            m.X1 > g.BleedBox.X && m.X1 < g.BleedBox.Right && m.Y1 > g.BleedBox.Y && m.Y1 < g.BleedBox.Bottom, "a crop mark inside the bleed"));
    }

    [Fact]
    public void A_character_no_font_has_is_reported_once_with_its_source_location()
    {
        var s = new SourceSpan("glyphs.md", 3, 1);
        var book = new Book(new BookMetadata("g", "字形", null, "zh-CN", [], new DateOnly(2026, 1, 1), null, []),
            [new Chapter("g", "glyphs.md", [new Paragraph([new Model.Text("缺字\uE000与\uE000", s)], s)], [])]);
        var measurer = new FixedAdvanceMeasurer(hasGlyph: c => c is < 0xE000 or > 0xF8FF);
        var context = new LayoutContext(new PdfOptions(), measurer, new FixedLineComposer(measurer), ImageCatalog.Empty, LanguageLabels.Chinese, _diagnostics);
        new BookLayoutEngine(context).Layout(book);
        var d = Assert.Single(_diagnostics.Items, d => d.Code == DiagnosticCodes.GlyphMissing.Id);
        Assert.Equal(s, d.Span);
        Assert.Contains("U+E000", d.Message);
    }
}
