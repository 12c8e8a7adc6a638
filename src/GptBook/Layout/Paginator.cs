using GptBook.Diagnostics;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Fills pages from a page provider with boxes, in order: measure (pure) → arrange. Keep rules come from the
/// boxes' break points; a chain of boxes kept with what follows (<see cref="LayoutBox.KeepWithNext"/>: headings, a
/// lead-in ending in a colon) moves to the next page unless the start of what follows fits with it, and a kept
/// box that can break leaves its last lines to go over with what follows. A float that doesn't fit waits for the
/// top of the next page while later boxes fill the space before it (floats keep their order), but not past a
/// chapter or section heading (<see cref="LayoutBox.IsFloatBarrier"/>): the text fills the page up to the heading,
/// the floats go to the top of the next page and the heading follows them.
/// <para>
/// Boxes stand on the type area's baseline grid (<see cref="PageGeometry.LinePitch"/>): a box of text lines starts
/// on a grid line, and any other box takes the whole lines that hold it (<see cref="GridFit"/>), so every full
/// page ends on the same baseline. Footnotes go to the foot of the page where they are first referenced, below a
/// short rule, the text above giving way to them; a note that cannot fit whole with its reference is split and
/// continues at the foot of the next page. The notes are put among the page's fragments right after the line that
/// references them, so that in the structure tree each note sits inside the paragraph it annotates.
/// </para>
/// A box that cannot fit even on an empty page is reported (GB0301) and split without its keep rules; a row taller
/// than a whole page is clipped to the page. Every loop is bounded, so no input can hang the layout.
/// </summary>
public sealed class Paginator(PageProvider pages, DiagnosticBag diagnostics)
{
    private readonly List<PaginatedPage> _done = [];
    private readonly Queue<LayoutBox> _deferred = new();
    private readonly Length _pitch = pages.Geometry.LinePitch;
    private PaginatedPage? _page;
    private Length _y;
    private Length _spaceAfterPrevious;
    // The page foot: note rows in order, each with the index in the page's fragments where it belongs.
    private readonly List<(int At, BoxRow Row)> _foot = [];
    private Length _footHeight;
    private List<BoxRow> _carried = [];

    public IReadOnlyList<PaginatedPage> Paginate(IReadOnlyList<LayoutBox> boxes)
    {
        var queue = new List<LayoutBox>(boxes);
        var budget = 100 + 8 * boxes.Sum(b => b.Rows.Count + b.Rows.Sum(r => r.Notes.Sum(n => n.Rows.Count)) + 1);
        var index = 0;
        LayoutBox? current = null;
        StartPage();
        while (index < queue.Count || current != null)
        {
            if (--budget < 0) throw new InvalidOperationException("pagination did not progress; this is a bug in the paginator");
            var box = current ?? queue[index];
            var next = index + 1;
            var continuing = current != null;
            current = null;

            if (box.StartsChapter && !continuing)
            {
                // Floats never drift into the next chapter: they get pages of their own before it opens.
                FlushDeferred();
                if (!AtTop) StartPage();
                _page!.IsChapterOpening = true;
            }
            else if (box.IsFloatBarrier && !continuing) FlushDeferred();

            if (box.IsFloat && _deferred.Count > 0)
            {
                _deferred.Enqueue(box);
                index = next;
                continue;
            }

            var space = AtTop ? Length.Zero : Length.Max(box.SpaceBefore, _spaceAfterPrevious);
            var start = box.Grid == GridFit.Slot ? Snap(_y) + space : Snap(_y + space);
            var available = Limit - start;

            if (box.KeepWithNext && !AtTop && ChainHeight(queue, index, box) > available)
            {
                // A box that can break (a lead-in paragraph) sets what fits and takes its last lines over with what
                // follows; one that cannot (a heading) goes over whole.
                var part = box.Measure(Length.Min(available, box.Height - Length.Pt(0.1)), FootnoteSeparator, FootEmpty);
                if (part.Outcome == MeasureOutcome.FitsPartly)
                {
                    _y = start;
                    Arrange(box, part.Rows);
                    current = box.Continuation(part.Rows);
                }
                else current = box;
                StartPage();
                continue;
            }

            var m = box.Measure(available, FootnoteSeparator, FootEmpty);
            switch (m.Outcome)
            {
                case MeasureOutcome.Fits:
                    PlaceWhole(box, space);
                    index = next;
                    break;
                case MeasureOutcome.FitsPartly:
                    _y = start;
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
        var flushBudget = _deferred.Count * 2 + _carried.Count + 2;
        while ((_deferred.Count > 0 || _carried.Count > 0) && flushBudget-- > 0) StartPage();
        Finish();
        return _done;
    }

    private static readonly Length Epsilon = Length.Pt(0.01);

    private bool AtTop => _y <= Length.Zero;

    private bool FootEmpty => _footHeight <= Length.Zero;

    /// <summary>Where the text must end on this page: the type area's foot, less the notes set there.</summary>
    private Length Limit => _page!.Region.Area.Height - _footHeight;

    /// <summary>The rule above the notes, and the space it stands in: one grid line's worth.</summary>
    private Length FootnoteSeparator => _pitch > Length.Zero ? _pitch * 0.75 : Length.Pt(10);

    /// <summary>The first grid line at or below <paramref name="y"/>.</summary>
    private Length Snap(Length y) =>
        _pitch <= Length.Zero ? y : _pitch * Math.Ceiling(y / _pitch - 1e-6);

    /// <summary>Sets a box that fits whole after <paramref name="space"/>, on the grid.</summary>
    private void PlaceWhole(LayoutBox box, Length space)
    {
        if (box.Grid == GridFit.Slot && _pitch > Length.Zero)
        {
            var top = Snap(_y);
            var after = box.SpaceAfter;
            var slot = Length.Min(Snap(space + box.Height + after), Limit - top);
            var spare = Length.Max(Length.Zero, slot - space - box.Height - after);
            _y = top + space + spare * box.GridPadAbove;
            Arrange(box, box.Rows.Count);
            _y = Length.Max(_y, top + slot);
            _spaceAfterPrevious = Length.Zero;
            return;
        }
        _y = Snap(_y + space);
        Arrange(box, box.Rows.Count);
        _spaceAfterPrevious = box.SpaceAfter;
    }

    /// <summary>Starts pages until every deferred float is set (each new page takes what fits at its top).</summary>
    private void FlushDeferred()
    {
        var flush = _deferred.Count + 1;
        while (_deferred.Count > 0 && flush-- > 0) StartPage();
    }

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
        var rows = box.ForcedRows(Limit - _y);
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
            _page.NoteRow(row, box.IsFloat);
            foreach (var f in row.Fragments)
            {
                var placed = f.Offset(area.X, area.Y + _y);
                if (IsWithinPage(placed, area)) _page.Fragments.Add(placed);
            }
            if (row.Mark != null) _page.Marks.Add(row.Mark);
            _y += Length.Min(row.Height, area.Height);
            foreach (var note in row.Notes) AddToFoot(note.Rows);
        }
    }

    /// <summary>Puts note rows at the foot, after the fragments placed so far; what no longer fits goes overleaf.</summary>
    private void AddToFoot(IReadOnlyList<BoxRow> rows)
    {
        var at = _page!.Fragments.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var separator = FootEmpty ? FootnoteSeparator : Length.Zero;
            if (_carried.Count > 0 || _y + _footHeight + separator + rows[i].Height > _page.Region.Area.Height + Epsilon && !(FootEmpty && AtTop))
            {
                _carried.AddRange(rows.Skip(i));
                return;
            }
            _footHeight += separator + rows[i].Height;
            _foot.Add((at, rows[i]));
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
        if (_carried.Count > 0)
        {
            var carried = _carried;
            _carried = [];
            AddToFoot(carried);
        }
        var count = _deferred.Count;
        for (var i = 0; i < count; i++)
        {
            var f = _deferred.Peek();
            var space = AtTop ? Length.Zero : f.SpaceBefore;
            var m = f.Measure(Limit - (f.Grid == GridFit.Slot ? Snap(_y) + space : Snap(_y + space)), FootnoteSeparator, FootEmpty);
            if (m.Outcome == MeasureOutcome.Fits)
            {
                _deferred.Dequeue();
                PlaceWhole(f, space);
            }
            else if (AtTop)
            {
                _deferred.Dequeue();
                Force(f);
            }
            else break;
        }
    }

    /// <summary>Sets the page's notes at its foot, each among the fragments where it was referenced.</summary>
    private void Finish()
    {
        if (_page == null) return;
        if (_foot.Count > 0)
        {
            var area = _page.Region.Area;
            var y = area.Bottom - _footHeight;
            var separator = new RuleFragment(area.X, y + FootnoteSeparator * 0.4, area.X + area.Width / 4, y + FootnoteSeparator * 0.4, Length.Pt(0.5));
            y += FootnoteSeparator;
            var placed = new List<(int At, List<PageFragment> Fragments)>();
            foreach (var (at, row) in _foot)
            {
                placed.Add((at, row.Fragments.Select(f => f.Offset(area.X, y)).ToList()));
                y += row.Height;
            }
            for (var i = placed.Count - 1; i >= 0; i--) _page.Fragments.InsertRange(placed[i].At, placed[i].Fragments);
            _page.Fragments.Insert(placed[0].At, separator);
            _foot.Clear();
            _footHeight = Length.Zero;
        }
        _done.Add(_page);
        _page = null;
    }
}
