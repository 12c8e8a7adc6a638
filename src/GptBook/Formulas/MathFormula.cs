namespace GptBook.Formulas;

/// <summary>
/// A parsed formula. <see cref="Root"/> is a <see cref="MathError"/> holding the whole source when
/// <see cref="Errors"/> is not empty, so every output shows a broken formula as its source, marked, never silently.
/// <see cref="Macros"/> is the macro table after this formula's own \newcommand/\def, for the formulas after it.
/// </summary>
public sealed record MathFormula(
    string Source,
    bool Display,
    MathNode Root,
    IReadOnlyList<MathEquationNumber> Numbers,
    MathTable? NumberedTable,
    IReadOnlyList<MathSyntaxError> Errors,
    MathMacroTable Macros)
{
    /// <summary>
    /// Problems that leave the formula set as written, minus the part in question (a row spacing that is not a
    /// length); offsets as in <see cref="Errors"/>.
    /// </summary>
    public IReadOnlyList<MathSyntaxError> Warnings { get; init; } = [];

    public bool HasErrors => Errors.Count > 0;

    /// <summary>The formula as readable Unicode text (see <see cref="MathLinearText"/>); a broken one as its source.</summary>
    public string PlainText => MathLinearText.Of(this);

    /// <summary>The labels this formula defines (\label{…}), in order.</summary>
    public IEnumerable<string> Labels => Numbers.Where(n => n.Label is not null).Select(n => n.Label!);
}
