using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// A picture small enough to sit on a line of text (an icon, a badge, a small formula image): its bottom on the
/// baseline, so that a tall one raises the line above it. Tagged as a Figure with its alt text, or as an artifact
/// when it has none.
/// </summary>
public sealed record InlineImageObject(string ImagePath, Length Width, Length Height, string Alt)
    : DrawnInlineObject(Width, Height, Length.Zero, Alt)
{
    public override IEnumerable<PageFragment> Fragments(Length x, Length baseline, StructureNode structure)
    {
        yield return new ImageFragment(ImagePath, new Rect(x, baseline - Height, Width, Height), null, FigureBuilder.Picture(structure, Alt));
    }
}
