namespace GptBook.Formulas;

/// <summary>
/// A user macro (\newcommand, \def, \DeclareMathOperator, book.yml <c>math.macros</c>): its body is TeX source with
/// <c>#1</c>…<c>#9</c> for its <see cref="Parameters"/>. <see cref="OptionalDefault"/> makes the first parameter
/// optional (<c>\newcommand{\x}[2][0]{…}</c>), given in brackets.
/// </summary>
public sealed record MathMacro(string Name, int Parameters, string Body, string? OptionalDefault = null);
