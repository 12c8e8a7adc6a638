using GptBook.Units;

namespace GptBook.Layout.Formulas;

/// <summary>
/// A piece of an inline formula between two of its break points, set on the line like a character: its bottom at
/// its depth below the baseline, so a tall fraction makes its line taller. Pieces are cut only after top-level
/// relations and binary operators (<see cref="MathTypesetter.Pieces"/>), so the composer breaks a formula only
/// there, and the formula is set apart from Han characters like a Latin word.
/// </summary>
public sealed record FormulaPiece(MathBox Box, Length Size, FormulaElement Element, string Copy)
    : DrawnInlineObject(Size * Box.Width, Size * Box.Height, Size * Box.Depth, Copy)
{
    public override IEnumerable<PageFragment> Fragments(Length x, Length baseline, StructureNode structure)
    {
        yield return new FormulaFragment(Box, Size, x, baseline, Element.Under(structure));
    }
}
