namespace GptBook.Diagnostics;

/// <summary>A stable diagnostic code with its default severity. All codes live in <see cref="DiagnosticCodes"/>.</summary>
public sealed record DiagnosticCode(string Id, DiagnosticSeverity Severity, string Title);
