namespace GptBook.Layout;

/// <summary>
/// A top-level block set as rows, not yet a <see cref="LayoutBox"/>: the chapter's footnotes are attached to
/// <see cref="Rows"/> first (in reading order, see <see cref="BlockBoxBuilder.Box"/>), then <see cref="Box"/> wraps
/// them with the block's spacing and keep rules.
/// </summary>
public sealed record TopLevelRows(RowSequence Rows, Func<RowSequence, LayoutBox> Box);
