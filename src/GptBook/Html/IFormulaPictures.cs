using GptBook.Formulas;

namespace GptBook.Html;

/// <summary>
/// Where the content writer gets formulas as pictures instead of writing MathML (the EPUB for Kindle,
/// <c>epub.math: images</c>): a whole formula in its own style, or each line of a numbered align or gather, so
/// that the numbers stay text at the right margin and each keeps its anchor.
/// </summary>
public interface IFormulaPictures
{
    FormulaPicture Of(MathFormula formula);

    /// <summary>One picture per line of <see cref="MathFormula.NumberedTable"/>, all as wide as the table, so centred lines keep their alignment.</summary>
    IReadOnlyList<FormulaPicture> Rows(MathFormula formula);
}
