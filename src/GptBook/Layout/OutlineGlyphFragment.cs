using GptBook.Fonts;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// A glyph of <see cref="Face"/> drawn from its outline at <see cref="Size"/>, its origin on the baseline at
/// (<see cref="X"/>, <see cref="Baseline"/>), standing for <see cref="Text"/> in the text layer (an emoji sequence's
/// ligature, <see cref="OutlineGlyphObject"/>).
/// </summary>
public sealed record OutlineGlyphFragment(FontRole Face, int GlyphId, string Text, Length Size, Length X, Length Baseline, StructureNode? Structure)
    : PageFragment(Structure);
