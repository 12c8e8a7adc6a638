using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Layout;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Tests.Layout;

/// <summary>
/// Random documents (seeded, so every run checks the same ones): paragraphs, headings, floats, unbreakable and
/// oversized blocks, chapter starts. Pagination always ends, places every row exactly once, in order apart from
/// floats, inside the type area, and the same input always gives the same pages.
/// </summary>
public sealed class PaginatorPropertyTests
{
    private static readonly PageGeometry Geometry = PageGeometry.From(new PdfOptions
    {
        PageSize = new PageSize("test", Length.Pt(200), Length.Pt(200)),
        InnerMargin = Length.Pt(50), OuterMargin = Length.Pt(50), TopMargin = Length.Pt(50), BottomMargin = Length.Pt(50),
        // A 10 pt grid: the type area is exactly 10 lines of 10 ems.
        FontSize = Length.Pt(10), LineHeight = 1.0,
    });

    private static List<LayoutBox> RandomDocument(int seed, out List<string> ids)
    {
        var random = new Random(seed);
        var boxes = new List<LayoutBox>();
        ids = [];
        var count = random.Next(1, 40);
        for (var b = 0; b < count; b++)
        {
            var kind = random.Next(6);
            var rows = kind switch { 0 => random.Next(1, 12), 1 => 1, 2 => random.Next(1, 3), 3 => random.Next(10, 25), _ => random.Next(1, 6) };
            var seq = new RowSequence();
            for (var r = 0; r < rows; r++)
            {
                var id = $"{b}.{r}";
                ids.Add(id);
                var height = kind == 4 && r == 0 && random.Next(4) == 0 ? random.Next(101, 260) : random.Next(5, 30);
                seq.Add(new BoxRow(Length.Pt(height), [new AnchorFragment(id, Length.Zero, Length.Zero)]), kind == 0 ? r >= 1 && r <= rows - 3 : kind == 5);
            }
            boxes.Add(new LayoutBox(seq.Rows, seq.BreakAfter, SourceSpan.None)
            {
                KeepWithNext = kind == 1,
                IsFloat = kind == 2,
                StartsChapter = random.Next(15) == 0,
                SpaceBefore = Length.Pt(random.Next(0, 12)),
                SpaceAfter = Length.Pt(random.Next(0, 12)),
            });
        }
        return boxes;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_row_is_placed_once_inside_the_type_area_and_the_result_is_deterministic(int seed)
    {
        var boxes = RandomDocument(seed, out var ids);
        var pages = new Paginator(new PageProvider(Geometry, 0), new DiagnosticBag()).Paginate(boxes);
        var again = new Paginator(new PageProvider(Geometry, 0), new DiagnosticBag()).Paginate(RandomDocument(seed, out _));

        var placed = pages.SelectMany(p => p.Fragments.OfType<AnchorFragment>().Select(a => a.Id)).ToList();
        Assert.Equal(ids.Order(), placed.Order());
        Assert.Equal(placed, again.SelectMany(p => p.Fragments.OfType<AnchorFragment>().Select(a => a.Id)));
        foreach (var page in pages)
            foreach (var a in page.Fragments.OfType<AnchorFragment>())
            {
                Assert.InRange(a.Y.Points, page.Region.Area.Y.Points, page.Region.Area.Bottom.Points);
                Assert.Equal(page.Region.Area.X, a.X);
            }
        var nonFloat = boxes.Where(b => !b.IsFloat).SelectMany(b => b.Rows.SelectMany(r => r.Fragments.OfType<AnchorFragment>()).Select(a => a.Id)).ToList();
        Assert.Equal(nonFloat, placed.Where(nonFloat.Contains));
    }

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 60).Select(i => new object[] { i });
}
