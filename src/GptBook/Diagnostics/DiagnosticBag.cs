using GptBook.Model;

namespace GptBook.Diagnostics;

/// <summary>
/// The one list every stage reports into. Thread-safe, because image work runs in parallel; <see cref="Sorted"/>
/// gives a deterministic order for printing and tests.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock) _items.Add(diagnostic);
    }

    public void Report(DiagnosticCode code, SourceSpan span, string message) =>
        Add(new Diagnostic(code.Id, code.Severity, message, span));

    public IReadOnlyList<Diagnostic> Items
    {
        get { lock (_lock) return _items.ToArray(); }
    }

    /// <summary>By file, line, column, then code: the order in which a person reads them.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        Items.OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToArray();

    public bool HasErrors => Items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public bool HasWarnings => Items.Any(d => d.Severity == DiagnosticSeverity.Warning);
}
