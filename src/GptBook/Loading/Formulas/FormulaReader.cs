using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Model;

namespace GptBook.Loading.Formulas;

/// <summary>
/// Parses a chapter's formulas in reading order: each starts with the macros in force (book.yml's, then the
/// chapter's own \newcommand/\def so far), and each parser error becomes GB0601 at its file:line:col, each piece of
/// row markup the parser had to ignore (a row spacing that is not a length, an \hline inside a row) GB0605. A formula
/// parsed before (<see cref="ParsedFormulas"/>) is not parsed again, but its findings are reported at each place.
/// </summary>
internal sealed class FormulaReader(SourceLocator source, DiagnosticBag diagnostics, MathMacroTable bookMacros, ParsedFormulas parsed)
{
    private MathMacroTable _macros = bookMacros;

    public MathFormula Read(string content, bool display, FormulaSourceMap map) =>
        Read(content, display, error => source.At(map.SourceOffset(error.Offset), error.Length));

    /// <summary>
    /// A formula written in the text of raw HTML: the HTML parser has decoded its entities, so its characters no
    /// longer map one to one onto the file, and its errors are reported where the formula starts.
    /// </summary>
    public MathFormula Read(string content, bool display, SourceSpan at) => Read(content, display, _ => at);

    private MathFormula Read(string content, bool display, Func<MathSyntaxError, SourceSpan> spanOf)
    {
        var formula = parsed.Parse(content, display, _macros);
        _macros = formula.Macros;
        foreach (var error in formula.Errors)
            diagnostics.Report(DiagnosticCodes.MathSyntax, spanOf(error), $"{error.Message}; the formula is shown as its source in a marked box");
        foreach (var warning in formula.Warnings)
            diagnostics.Report(DiagnosticCodes.MathRowMarkupIgnored, spanOf(warning), warning.Message);
        return formula;
    }
}
