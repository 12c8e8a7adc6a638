using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Something positioned on a page. Coordinates are in points from the media box's top-left corner, y downwards
/// (the PDF writer flips them). <see cref="Structure"/> is the tagged-PDF element the fragment belongs to; null
/// means the fragment is an artifact (running heads, folios, crop marks, decoration).
/// </summary>
public abstract record PageFragment(StructureNode? Structure);

/// <summary>A run of text whose baseline starts at (<see cref="X"/>, <see cref="Baseline"/>).</summary>
public sealed record TextFragment(PositionedRun Run, Length X, Length Baseline, StructureNode? Structure, TextColor Color = TextColor.Body)
    : PageFragment(Structure);

public enum TextColor { Body, Muted, Link }

/// <summary>
/// An image scaled into its box. <see cref="ImagePath"/> is null for a placeholder, which the writer draws as a
/// framed box with <see cref="PlaceholderText"/> in it.
/// </summary>
public sealed record ImageFragment(string? ImagePath, Rect Box, string? PlaceholderText, StructureNode? Structure)
    : PageFragment(Structure);

/// <summary>A straight line (rules, quote bars, table borders).</summary>
public sealed record RuleFragment(Length X1, Length Y1, Length X2, Length Y2, Length Thickness, StructureNode? Structure = null)
    : PageFragment(Structure);

/// <summary>
/// A crop mark outside the trim box: drawn in registration colour (every separation at 100 %), so that it
/// appears on each printing plate, and always an artifact.
/// </summary>
public sealed record CropMarkFragment(Length X1, Length Y1, Length X2, Length Y2, Length Thickness) : PageFragment((StructureNode?)null);

/// <summary>A light filled rectangle behind content (code block backgrounds).</summary>
public sealed record ShadeFragment(Rect Box, StructureNode? Structure = null) : PageFragment(Structure);

/// <summary>A clickable area: an external URL, or an internal <c>#id</c> resolved through the layout's anchors.</summary>
public sealed record LinkFragment(Rect Box, string Target, StructureNode? Structure) : PageFragment(Structure);

/// <summary>Where an id (heading, figure, footnote) is set: the target of internal links and outline entries.</summary>
public sealed record AnchorFragment(string Id, Length X, Length Y) : PageFragment((StructureNode?)null);

/// <summary>An axis-aligned rectangle, top-left origin.</summary>
public readonly record struct Rect(Length X, Length Y, Length Width, Length Height)
{
    public Length Right => X + Width;
    public Length Bottom => Y + Height;

    public Rect Offset(Length dx, Length dy) => new(X + dx, Y + dy, Width, Height);
}
