using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Rows and whether the layout may break after each: what a block (or a nested block inside a list or quote)
/// becomes before it is wrapped in a <see cref="LayoutBox"/>.
/// </summary>
public sealed class RowSequence
{
    public List<BoxRow> Rows { get; } = [];
    public List<bool> BreakAfter { get; } = [];

    public int Count => Rows.Count;

    public void Add(BoxRow row, bool breakAfter)
    {
        Rows.Add(row);
        BreakAfter.Add(breakAfter);
    }

    /// <summary>Lines of a paragraph: no break after the first line or before the last (no orphans or widows).</summary>
    public static RowSequence Lines(IReadOnlyList<BoxRow> rows)
    {
        var seq = new RowSequence();
        for (var i = 0; i < rows.Count; i++)
            seq.Add(rows[i], i >= 1 && i <= rows.Count - 3);
        return seq;
    }

    /// <summary>Appends another block's rows after a gap; the page may break between the two blocks.</summary>
    public void Append(RowSequence next, Length gap)
    {
        if (next.Count == 0) return;
        if (Count > 0)
        {
            BreakAfter[^1] = true;
            if (gap > Length.Zero) Add(BoxRow.Space(gap), false);
        }
        Rows.AddRange(next.Rows);
        BreakAfter.AddRange(next.BreakAfter);
    }

    /// <summary>The same rows moved right by <paramref name="dx"/>, with extra fragments drawn on every row.</summary>
    public RowSequence Indented(Length dx, Func<BoxRow, IEnumerable<PageFragment>>? decorate = null)
    {
        var seq = new RowSequence();
        for (var i = 0; i < Count; i++)
        {
            var row = Rows[i];
            var fragments = row.Fragments.Select(f => f.Offset(dx, Length.Zero)).ToList();
            if (decorate != null) fragments.AddRange(decorate(row));
            seq.Add(row with { Fragments = fragments }, BreakAfter[i]);
        }
        return seq;
    }
}
