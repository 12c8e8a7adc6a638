namespace GptBook.Epub.Cover;

/// <summary>One line of cover text after wrapping: its code points and its width in font units.</summary>
public sealed record CoverTextLine(IReadOnlyList<int> CodePoints, double WidthUnits);
