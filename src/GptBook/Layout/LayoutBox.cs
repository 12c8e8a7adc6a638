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
/// How a box stands on the baseline grid. <see cref="Lines"/>: its rows are body lines, and it starts on a grid line.
/// <see cref="Slot"/>: a heading, figure, table or code block, whose height is not a whole number of lines; it takes
/// the whole lines that hold it with its space before and after, the extra going above it in proportion
/// <see cref="LayoutBox.GridPadAbove"/>, so that the text after it is back on the grid.
/// </summary>
public enum GridFit { Lines, Slot }

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
    public GridFit Grid { get; init; } = GridFit.Lines;
    /// <summary>For a <see cref="GridFit.Slot"/> box: the share of the slot's spare space set above it (1: all).</summary>
    public double GridPadAbove { get; init; } = 0.5;

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
    public MeasureResult Measure(Length available) => Measure(available, Length.Zero, false);

    /// <summary>
    /// Pure: how much of this box fits into <paramref name="available"/> height together with the footnotes its
    /// rows reference (and the <paramref name="separator"/> above the first note when the page foot is still
    /// <paramref name="footEmpty"/>). The height returned is the rows' alone.
    /// </summary>
    public MeasureResult Measure(Length available, Length separator, bool footEmpty)
    {
        if (Rows.Count == 0) return new MeasureResult(MeasureOutcome.Fits, 0, Length.Zero);
        var used = Length.Zero;
        var rows = Length.Zero;
        var best = -1;
        var bestHeight = Length.Zero;
        for (var i = 0; i < Rows.Count; i++)
        {
            var notes = Rows[i].NotesHeight;
            var rule = notes > Length.Zero && footEmpty ? separator : Length.Zero;
            if (rule > Length.Zero) footEmpty = false;
            var before = used;
            used += Rows[i].Height + notes + rule;
            rows += Rows[i].Height;
            if (used > available + Epsilon)
            {
                // A note too long to fit whole with its reference is split: the line goes here with the note's first
                // line, and the paginator continues the note overleaf.
                var first = Rows[i].Notes.Count > 0 && Rows[i].Notes[0].Rows.Count > 0 ? Rows[i].Notes[0].Rows[0].Height : Length.Zero;
                var split = first > Length.Zero && before + Rows[i].Height + rule + first <= available + Epsilon;
                if (split && i == Rows.Count - 1) return new MeasureResult(MeasureOutcome.Fits, Rows.Count, rows);
                if (split && _breakAfter[i]) return new MeasureResult(MeasureOutcome.FitsPartly, i + 1, rows);
                break;
            }
            if (i == Rows.Count - 1) return new MeasureResult(MeasureOutcome.Fits, Rows.Count, rows);
            if (_breakAfter[i]) (best, bestHeight) = (i + 1, rows);
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
        return new LayoutBox(rest, breaks, Span)
        {
            KeepWithNext = KeepWithNext, IsFloat = IsFloat, RepeatOnBreak = RepeatOnBreak, SpaceAfter = SpaceAfter, Grid = Grid, GridPadAbove = GridPadAbove,
        };
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
