using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Layout.Text;

/// <summary>
/// How a stretch of text is set: face, size, and what it links to. <see cref="LinkTarget"/> is an external URL or
/// an internal <c>#id</c>; the PDF writer turns it into a link annotation over the run. <see cref="Token"/> is the
/// kind of a highlighted stretch of code, which the PDF writer prints in its tint.
/// </summary>
public sealed record TextStyle(FontRole Font, Length Size, string? LinkTarget = null, bool Superscript = false)
{
    public Model.CodeTokenKind Token { get; init; }

    /// <summary>Set below the baseline (raw HTML's sub), at the reduced size the styler gives it.</summary>
    public bool Subscript { get; init; }
}
