using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// The unit of vertical layout: one line of text, an image, a table row, or vertical space. Fragments are relative
/// to the row's top-left corner at the type area's left edge. A spacer row (no fragments) is dropped when it would
/// stand at the top of a page, unless it is a sink (the space above a chapter title). <see cref="Mark"/> carries a
/// heading for the running heads. <see cref="Notes"/> are the footnotes first referenced on this row: they are set
/// at the foot of the page the row lands on.
/// </summary>
public sealed record BoxRow(Length Height, IReadOnlyList<PageFragment> Fragments, RunningMark? Mark = null)
{
    public bool KeepAtTop { get; init; }

    public IReadOnlyList<FootnoteRows> Notes { get; init; } = [];

    /// <summary>The height the row's footnotes take at the page foot.</summary>
    public Length NotesHeight => Notes.Aggregate(Length.Zero, (h, n) => h + n.Height);

    /// <summary>Where in the model this row's content begins (for the EPUB's page list); null for space and decoration.</summary>
    public ModelPosition? Origin { get; init; }

    public bool IsSpacer => Fragments.Count == 0 && Mark == null && !KeepAtTop;

    public static BoxRow Space(Length height) => new(height, []);

    public static BoxRow Sink(Length height) => new(height, []) { KeepAtTop = true };
}

/// <summary>A heading as the running heads see it.</summary>
public sealed record RunningMark(int Level, string Text);

/// <summary>A footnote as rows for the page foot (its number hanging before the first), in its structure element.</summary>
public sealed record FootnoteRows(string Id, IReadOnlyList<BoxRow> Rows)
{
    public Length Height => Rows.Aggregate(Length.Zero, (h, r) => h + r.Height);
}
