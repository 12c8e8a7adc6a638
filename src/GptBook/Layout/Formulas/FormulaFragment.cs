using GptBook.Units;

namespace GptBook.Layout.Formulas;

/// <summary>
/// Typeset math on a page: <see cref="Box"/> (in em) drawn at <see cref="Size"/> with its origin on the baseline at
/// (<see cref="X"/>, <see cref="Baseline"/>). A piece of an inline formula, a display formula, or one row of an
/// align. Its structure element is the formula's Formula element.
/// </summary>
public sealed record FormulaFragment(MathBox Box, Length Size, Length X, Length Baseline, StructureNode? Structure)
    : PageFragment(Structure)
{
    /// <summary>The ink's extent on the page (y downwards), for the Formula element's bounding box.</summary>
    public Rect Bounds => new(X, Baseline - Size * Box.Height, Size * Box.Width, Size * (Box.Height + Box.Depth));
}
