namespace GptBook.Fonts;

/// <summary>
/// One point of a TrueType contour, in font units (y up, origin at the glyph's baseline start). Off-curve points
/// are quadratic Bézier control points; between two consecutive off-curve points lies an implied on-curve point at
/// their midpoint (the TrueType convention). Coordinates are doubles because composite glyphs may scale components.
/// </summary>
public readonly record struct GlyphPoint(double X, double Y, bool OnCurve);

/// <summary>A closed contour: the last point connects back to the first.</summary>
public sealed record GlyphContour(IReadOnlyList<GlyphPoint> Points);

/// <summary>
/// The outline of one glyph in font units: its contours (composites already resolved into their components'
/// transformed contours), its advance width and its bounding box from the glyph header. A blank glyph (a space)
/// has no contours.
/// </summary>
public sealed record GlyphOutline(
    int GlyphId,
    int AdvanceWidth,
    int UnitsPerEm,
    int XMin, int YMin, int XMax, int YMax,
    IReadOnlyList<GlyphContour> Contours);
