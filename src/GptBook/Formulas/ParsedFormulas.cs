using System.Collections.Concurrent;

namespace GptBook.Formulas;

/// <summary>
/// The formulas parsed so far in one reading of the book, by their source, their form (inline or display) and the
/// macro table in force: a book repeats formulas (<c>$x$</c>, <c>$\mathbf{H}_t$</c> in every chapter), and the same
/// source under the same macros always parses to the same result, so each is parsed once and the result, immutable,
/// stands in every place that writes it (the later transforms number and resolve formulas into new records, never
/// in place). Macro tables are compared by identity: a chapter's own definitions make a new one, and a formula after
/// them is parsed under it. Safe to share between the threads that read the chapters.
/// </summary>
internal sealed class ParsedFormulas
{
    private readonly ConcurrentDictionary<(string Source, bool Display, MathMacroTable Macros), MathFormula> _parsed = new();

    public MathFormula Parse(string source, bool display, MathMacroTable macros) =>
        _parsed.GetOrAdd((source, display, macros), static key => MathParser.Parse(key.Source, key.Display, key.Macros));
}
