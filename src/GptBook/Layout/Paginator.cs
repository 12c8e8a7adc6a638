using GptBook.Diagnostics;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Fills pages from a page provider with boxes, in order: measure (pure) → arrange. Keep rules come from the
/// boxes' break points; a heading chain (<see cref="LayoutBox.KeepWithNext"/>) moves to the next page unless the
/// start of what follows fits with it; a float that doesn't fit waits for the top of the next page while later
/// boxes fill the space before it (floats keep their order), but not past a section heading
/// (<see cref="LayoutBox.IsFloatBarrier"/>): the text fills the page up to the heading, the floats go to the top of
/// the next page and the heading follows them. A box that cannot fit even on an empty page is
/// reported (GB0301) and split without its keep rules; a row taller than a whole page is clipped to the page.
/// Every loop is bounded, so no input can hang the layout.
/// </summary>
public sealed class Paginator(PageProvider pages, DiagnosticBag diagnostics)
{
    private readonly List<PaginatedPage> _done = [];
    private readonly Queue<LayoutBox> _deferred = new();
    private PaginatedPage? _page;
    private Length _y;
    private Length _spaceAfterPrevious;

    public IReadOnlyList<PaginatedPage> Paginate(IReadOnlyList<LayoutBox> boxes)
    {
        var queue = new List<LayoutBox>(boxes);
        var budget = 100 + 8 * boxes.Sum(b => b.Rows.Count + 1);
        var index = 0;
        LayoutBox? current = null;
        StartPage();
        while (index < queue.Count || current != null)
        {
            if (--budget < 0) throw new InvalidOperationException("pagination did not progress; this is a bug in the paginator");
            var box = current ?? queue[index];
            var next = index + 1;
            current = null;

            if (box.StartsChapter)
            {
                // Floats never drift into the next chapter: they get pages of their own before it opens.
                FlushDeferred();
                if (!AtTop) StartPage();
                _page!.IsChapterOpening = true;
            }
            else if (box.IsFloatBarrier) FlushDeferred();

            var space = AtTop ? Length.Zero : Length.Max(box.SpaceBefore, _spaceAfterPrevious);
            var available = Remaining - space;

            if (box.IsFloat && _deferred.Count > 0)
            {
                _deferred.Enqueue(box);
                index = next;
                continue;
            }

            if (box.KeepWithNext && !AtTop && ChainHeight(queue, index, box) > available)
            {
                StartPage();
                current = box;
                continue;
            }

            var m = box.Measure(available);
            switch (m.Outcome)
            {
                case MeasureOutcome.Fits:
                    _y += space;
                    Arrange(box, box.Rows.Count);
                    _spaceAfterPrevious = box.SpaceAfter;
                    index = next;
                    break;
                case MeasureOutcome.FitsPartly:
                    _y += space;
                    Arrange(box, m.Rows);
                    current = box.Continuation(m.Rows);
                    StartPage();
                    break;
                default:
                    if (box.IsFloat && !AtTop)
                    {
                        _deferred.Enqueue(box);
                        index = next;
                    }
                    else if (!AtTop)
                    {
                        StartPage();
                        current = box;
                    }
                    else
                    {
                        var rest = Force(box);
                        if (rest != null) { current = rest; StartPage(); }
                        else index = next;
                    }
                    break;
            }
        }
        var flushBudget = _deferred.Count * 2 + 2;
        while (_deferred.Count > 0 && flushBudget-- > 0) StartPage();
        Finish();
        return _done;
    }

    private bool AtTop => _y <= Length.Zero;

    /// <summary>Starts pages until every deferred float is set (each new page takes what fits at its top).</summary>
    private void FlushDeferred()
    {
        var flush = _deferred.Count + 1;
        while (_deferred.Count > 0 && flush-- > 0) StartPage();
    }

    private Length Remaining => _page!.Region.Area.Height - _y;

    /// <summary>A heading chain and the smallest start of the block that follows it.</summary>
    private static Length ChainHeight(List<LayoutBox> queue, int index, LayoutBox first)
    {
        var h = first.Height;
        for (var i = index + 1; i < queue.Count; i++)
        {
            var b = queue[i];
            h += Length.Max(b.SpaceBefore, queue[i - 1].SpaceAfter);
            if (b.KeepWithNext) { h += b.Height; continue; }
            return h + b.MinimumHeadHeight;
        }
        return h;
    }

    /// <summary>Places what fits of a box that can't fit an empty page, ignoring its keep rules; returns the rest.</summary>
    private LayoutBox? Force(LayoutBox box)
    {
        diagnostics.Report(DiagnosticCodes.BoxTooLarge, box.Span,
            $"a block is {box.Height.Points:0}pt tall but a page holds {_page!.Region.Area.Height.Points:0}pt; it was split" +
            (box.Rows[0].Height > _page.Region.Area.Height ? " and clipped at the page foot" : ""));
        var rows = box.ForcedRows(Remaining);
        Arrange(box, rows);
        return rows < box.Rows.Count ? box.Continuation(rows) : null;
    }

    private void Arrange(LayoutBox box, int rows)
    {
        var area = _page!.Region.Area;
        for (var i = 0; i < rows; i++)
        {
            var row = box.Rows[i];
            if (AtTop && row.IsSpacer) continue;
            _page.NoteRow(row);
            foreach (var f in row.Fragments)
            {
                var placed = f.Offset(area.X, area.Y + _y);
                if (IsWithinPage(placed, area)) _page.Fragments.Add(placed);
            }
            if (row.Mark != null) _page.Marks.Add(row.Mark);
            _y += Length.Min(row.Height, area.Height);
        }
    }

    /// <summary>Clipping for rows taller than a page: what would start below the page foot is left out.</summary>
    private static bool IsWithinPage(PageFragment f, Rect area) => f switch
    {
        TextFragment t => t.Baseline <= area.Bottom + Length.Pt(1),
        AnchorFragment a => a.Y <= area.Bottom,
        _ => true,
    };

    private void StartPage()
    {
        Finish();
        _page = new PaginatedPage(pages.Next());
        _y = Length.Zero;
        _spaceAfterPrevious = Length.Zero;
        var count = _deferred.Count;
        for (var i = 0; i < count; i++)
        {
            var f = _deferred.Peek();
            var m = f.Measure(Remaining - (AtTop ? Length.Zero : f.SpaceBefore));
            if (m.Outcome == MeasureOutcome.Fits)
            {
                _deferred.Dequeue();
                if (!AtTop) _y += f.SpaceBefore;
                Arrange(f, f.Rows.Count);
                _spaceAfterPrevious = f.SpaceAfter;
            }
            else if (AtTop)
            {
                _deferred.Dequeue();
                Force(f);
            }
            else break;
        }
    }

    private void Finish()
    {
        if (_page != null) _done.Add(_page);
        _page = null;
    }
}
