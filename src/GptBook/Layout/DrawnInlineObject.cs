using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// An inline object the layout knows how to draw: once the composer has set it on a line, it turns into page
/// fragments at its place (an inline image into an <see cref="ImageFragment"/>; a formula into its own).
/// </summary>
public abstract record DrawnInlineObject(Length Width, Length Ascent, Length Descent, string Text)
    : InlineObject(Width, Ascent, Descent, Text)
{
    /// <summary>The fragments of the object whose left edge is at <paramref name="x"/> on <paramref name="baseline"/>,
    /// inside the paragraph's structure element <paramref name="structure"/>.</summary>
    public abstract IEnumerable<PageFragment> Fragments(Length x, Length baseline, StructureNode structure);
}
