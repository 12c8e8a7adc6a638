namespace GptBook.Formulas;

/// <summary>
/// A number a display formula asks for: one per numbered line. <see cref="Row"/> is the line in
/// <see cref="MathFormula.NumberedTable"/> (0 when the whole formula is one equation). <see cref="Automatic"/> lines
/// (equation, align, gather; and any labelled line) get the next number in the chapter; <see cref="Tag"/> (\tag{…})
/// replaces it, shown in parentheses unless <see cref="TagIsVerbatim"/> (\tag*{…}). <see cref="Number"/> is null until
/// the numbering transform has run; <see cref="Id"/> is then the anchor writers give the line (what \eqref links to).
/// </summary>
public sealed record MathEquationNumber(int Row, bool Automatic, string? Tag, bool TagIsVerbatim, string? Label, string? Number = null, string? Id = null)
{
    /// <summary>What is printed at the margin: "(3.2)", "(A)" for \tag{A}, "A" for \tag*{A}; null before numbering.</summary>
    public string? Display => Number is null ? null : TagIsVerbatim ? Number : $"({Number})";
}
