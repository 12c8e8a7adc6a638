
namespace GptBook.Model;

/// <summary>
/// Where a node came from: a path relative to the book root (forward slashes), a 1-based line and column,
/// and the length in characters of the source it covers. Diagnostics print it as <c>file:line:col</c>.
/// </summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int Length = 0)
{
    public static readonly SourceSpan None = new("", 0, 0);

    public bool IsNone => Line == 0 && File.Length == 0;

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
