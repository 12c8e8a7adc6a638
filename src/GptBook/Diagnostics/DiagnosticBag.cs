using GptBook.Model;

namespace GptBook.Diagnostics;

/// <summary>
/// The one list every stage reports into. Thread-safe, because image work runs in parallel; <see cref="Sorted"/>
/// gives a deterministic order for printing and tests. A finding is kept once per code and position: the EPUB and
/// the site share a writer, and a problem both meet at the same place is one problem. Two different findings with
/// one code at one place (two settings missing from the same mapping) are both kept: their messages differ.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(string Code, string File, int Line, int Column, string Message)> _seen = [];
    private readonly Lock _lock = new();

    public void Add(Diagnostic diagnostic)
    {
        var key = (diagnostic.Code, diagnostic.Span.File, diagnostic.Span.Line, diagnostic.Span.Column, diagnostic.Message);
        lock (_lock)
        {
            if (_seen.Add(key)) _items.Add(diagnostic);
        }
    }

    public void Report(DiagnosticCode code, SourceSpan span, string message) =>
        Add(new Diagnostic(code.Id, code.Severity, message, span));

    /// <summary>How many findings were kept so far (after <see cref="Add"/>'s merging of repeats).</summary>
    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    public IReadOnlyList<Diagnostic> Items
    {
        get { lock (_lock) return _items.ToArray(); }
    }

    /// <summary>By file, line, column, then code: the order in which a person reads them.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => InReadingOrder(Items);

    /// <summary>The order of <see cref="Sorted"/> for any list, whatever order threads reported it in.</summary>
    public static IReadOnlyList<Diagnostic> InReadingOrder(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToArray();

    public bool HasErrors => Items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public bool HasWarnings => Items.Any(d => d.Severity == DiagnosticSeverity.Warning);
}
