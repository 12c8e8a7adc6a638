namespace GptBook.Layout.Text;

/// <summary>
/// One line of a composed paragraph. Run positions are relative to the line's start; <see cref="Width"/> is the
/// measure for justified lines and the natural width for the last line.
/// </summary>
public sealed record ComposedLine(IReadOnlyList<PositionedRun> Runs, Length Width, Length Ascent, Length Descent, bool IsLast);

/// <summary>
/// Text drawn from <see cref="X"/> in one style, with <see cref="LetterSpacing"/> added after every character but
/// the last (how justification and Han–Latin spacing are carried). <see cref="Width"/> includes that spacing.
/// <see cref="SourceText"/> is what copy-and-paste should give (it differs from <see cref="Text"/> only where a
/// mark was added, such as a hyphen or a code-continuation mark).
/// </summary>
public sealed record PositionedRun(string Text, TextStyle Style, Length X, Length Width, Length LetterSpacing, string SourceText);
