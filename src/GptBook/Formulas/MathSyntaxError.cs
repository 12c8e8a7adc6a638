namespace GptBook.Formulas;

/// <summary>
/// A problem in a formula's source: <see cref="Offset"/> and <see cref="Length"/> are in characters of the formula
/// source (what is between the delimiters). Loading maps them to file:line:col and turns them into diagnostics;
/// this folder knows nothing of diagnostics. A problem inside a macro's expansion points at the macro's use.
/// </summary>
public sealed record MathSyntaxError(int Offset, int Length, string Message);
