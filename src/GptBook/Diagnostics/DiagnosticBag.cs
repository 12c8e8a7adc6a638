using GptBook.Model;

namespace GptBook.Diagnostics;

/// <summary>
/// The one list every stage reports into. Thread-safe, because image work runs in parallel; <see cref="Sorted"/>
/// gives a deterministic order for printing and tests. A finding is kept once per code and position: the EPUB and
/// the site share a writer, and a problem both meet at the same place is one problem. Where two stages word the
/// same finding differently, the message that sorts first is kept, so the result does not depend on which of two
/// parallel writers reported first. A finding without a line (a whole file, or no file) is kept once per message.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Dictionary<(string Code, string File, int Line, int Column, string Message), int> _index = [];
    private readonly Lock _lock = new();

    public void Add(Diagnostic diagnostic)
    {
        var key = (diagnostic.Code, diagnostic.Span.File, diagnostic.Span.Line, diagnostic.Span.Column,
            diagnostic.Span.Line > 0 ? "" : diagnostic.Message);
        lock (_lock)
        {
            if (!_index.TryGetValue(key, out var at))
            {
                _index[key] = _items.Count;
                _items.Add(diagnostic);
            }
            else if (string.CompareOrdinal(diagnostic.Message, _items[at].Message) < 0)
                _items[at] = diagnostic;
        }
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
