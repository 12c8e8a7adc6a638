using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

public enum MeasureOutcome { Fits, FitsPartly, DoesNotFit }

/// <summary>
/// What a box can put into the space left on a page: all of it, its first <see cref="Rows"/> rows (with a
/// continuation for the next page), or nothing.
/// </summary>
public readonly record struct MeasureResult(MeasureOutcome Outcome, int Rows, Length Height);

/// <summary>
/// One top-level block as rows with the places it may break between them. Breaks encode the keep rules: a
/// paragraph may not break after its first or before its last line (no orphans or widows), a figure never breaks
/// (keep-together with its caption). A heading is kept with the start of what follows (<see cref="KeepWithNext"/>).
/// A <see cref="IsFloat"/> box that doesn't fit is moved to the next page while later boxes fill the gap.
/// <see cref="RepeatOnBreak"/> rows (a table's header) start every continuation.
/// </summary>
public sealed class LayoutBox
{
    private readonly bool[] _breakAfter;

    public LayoutBox(IReadOnlyList<BoxRow> rows, IReadOnlyList<bool> breakAfter, SourceSpan span)
    {
        if (breakAfter.Count != rows.Count) throw new ArgumentException("one break flag per row", nameof(breakAfter));
        Rows = rows;
        _breakAfter = breakAfter.ToArray();
        Span = span;
    }

    public IReadOnlyList<BoxRow> Rows { get; }
    public SourceSpan Span { get; }
    public Length SpaceBefore { get; init; }
    /// <summary>Space kept below the box; the gap to the next box is the larger of this and its space before.</summary>
    public Length SpaceAfter { get; init; }
    public bool KeepWithNext { get; init; }
    public bool IsFloat { get; init; }
    /// <summary>The box starts a chapter: it begins a new page, and that page gets no running head or folio.</summary>
    public bool StartsChapter { get; init; }
    /// <summary>
    /// Deferred floats are set before this box (a section heading), as LaTeX's placeins does at sections: a figure
    /// never lands in a later section than its own.
    /// </summary>
    public bool IsFloatBarrier { get; init; }
    public IReadOnlyList<BoxRow> RepeatOnBreak { get; init; } = [];

    public Length Height => Sum(0, Rows.Count);

    /// <summary>May the box break after row <paramref name="index"/> (0-based)?</summary>
    public bool CanBreakAfter(int index) => index >= 0 && index < Rows.Count - 1 && _breakAfter[index];

    /// <summary>The smallest piece that may stand alone at the foot of a page: up to the first allowed break.</summary>
    public Length MinimumHeadHeight
    {
        get
        {
            for (var i = 0; i < Rows.Count - 1; i++)
                if (_breakAfter[i]) return Sum(0, i + 1);
            return Height;
        }
    }

    /// <summary>Pure: how much of this box fits into <paramref name="available"/> height.</summary>
    public MeasureResult Measure(Length available)
    {
        var total = Height;
        if (total <= available + Epsilon) return new MeasureResult(MeasureOutcome.Fits, Rows.Count, total);
        var used = Length.Zero;
        var best = -1;
        var bestHeight = Length.Zero;
        for (var i = 0; i < Rows.Count - 1; i++)
        {
            used += Rows[i].Height;
            if (used > available + Epsilon) break;
            if (_breakAfter[i]) (best, bestHeight) = (i + 1, used);
        }
        return best > 0
            ? new MeasureResult(MeasureOutcome.FitsPartly, best, bestHeight)
            : new MeasureResult(MeasureOutcome.DoesNotFit, 0, Length.Zero);
    }

    /// <summary>The rows after the first <paramref name="rows"/>, as a box for the next page.</summary>
    public LayoutBox Continuation(int rows)
    {
        var rest = RepeatOnBreak.Concat(Rows.Skip(rows)).ToArray();
        var breaks = RepeatOnBreak.Select(_ => false).Concat(_breakAfter.Skip(rows)).ToArray();
        return new LayoutBox(rest, breaks, Span) { KeepWithNext = KeepWithNext, IsFloat = IsFloat, RepeatOnBreak = RepeatOnBreak, SpaceAfter = SpaceAfter };
    }

    /// <summary>Like <see cref="Measure"/>, but ignoring keep rules: the most rows that fit, at least one beyond a repeated header.</summary>
    public int ForcedRows(Length available)
    {
        var used = Length.Zero;
        for (var i = 0; i < Rows.Count; i++)
        {
            used += Rows[i].Height;
            if (used > available + Epsilon) return Math.Min(Rows.Count, Math.Max(RepeatOnBreak.Count + 1, i));
        }
        return Rows.Count;
    }

    private Length Sum(int from, int to)
    {
        var h = Length.Zero;
        for (var i = from; i < to; i++) h += Rows[i].Height;
        return h;
    }

    private static readonly Length Epsilon = Length.Pt(0.01);
}
