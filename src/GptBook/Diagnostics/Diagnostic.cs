using GptBook.Model;

namespace GptBook.Diagnostics;

public enum DiagnosticSeverity { Info, Warning, Error }

/// <summary>One finding of one stage: a stable code, a severity, a message and where it applies.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceSpan Span)
{
    /// <summary>The compiler-style form, <c>file:line:col: warning GB0102: message</c>.</summary>
    public override string ToString()
    {
        var where = Span.IsNone ? "" : Span + ": ";
        return $"{where}{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
