using GptBook.Diagnostics;
using GptBook.Formulas;

namespace GptBook.Loading.Formulas;

/// <summary>
/// Parses a chapter's formulas in reading order: each starts with the macros in force (book.yml's, then the
/// chapter's own \newcommand/\def so far), and each parser error becomes GB0601 at its file:line:col.
/// </summary>
internal sealed class FormulaReader(SourceLocator source, DiagnosticBag diagnostics, MathMacroTable bookMacros)
{
    private MathMacroTable _macros = bookMacros;

    public MathFormula Read(string content, bool display, FormulaSourceMap map)
    {
        var formula = MathParser.Parse(content, display, _macros);
        _macros = formula.Macros;
        foreach (var error in formula.Errors)
            diagnostics.Report(DiagnosticCodes.MathSyntax, source.At(map.SourceOffset(error.Offset), error.Length),
                $"{error.Message}; the formula is shown as its source in a marked box");
        return formula;
    }
}
