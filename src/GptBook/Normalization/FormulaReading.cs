using GptBook.Formulas;
using GptBook.Model;

namespace GptBook.Normalization;

/// <summary>
/// Reads one formula found in the text of raw HTML, as the chapter reads its Markdown formulas: with the macros in
/// force at that point, its errors reported at <paramref name="at"/>.
/// </summary>
public delegate MathFormula FormulaReading(string content, bool display, SourceSpan at);
