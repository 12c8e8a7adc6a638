using GptBook.Fonts;

namespace GptBook.Images.Vector;

/// <summary>
/// An SVG read into what a PDF can draw: shapes, text runs and bitmaps in painting order, each with its transform
/// and clips, in the coordinates of the drawing's viewport (CSS pixels, y downwards, <see cref="Width"/> ×
/// <see cref="Height"/>). Styling is resolved: paints, strokes and faces are final.
/// </summary>
public sealed record VectorDrawing(double Width, double Height, IReadOnlyList<VectorItem> Items);

/// <summary>One thing to paint. <see cref="Transform"/> maps its coordinates to the viewport's; every clip applies
/// (intersected), each already in viewport coordinates.</summary>
public abstract record VectorItem(Affine Transform, IReadOnlyList<VectorClip> Clips);

public sealed record VectorShape(VectorPath Path, FillRule FillRule, VectorPaint? Fill, VectorStroke? Stroke, Affine Transform, IReadOnlyList<VectorClip> Clips)
    : VectorItem(Transform, Clips);

/// <summary>Text in one face, size and colour, its baseline starting at (<see cref="X"/>, <see cref="Y"/>) and
/// advancing by the face's own advance widths.</summary>
public sealed record VectorText(string Text, FontRole Face, double Size, double X, double Y, VectorColor Color, Affine Transform, IReadOnlyList<VectorClip> Clips)
    : VectorItem(Transform, Clips);

/// <summary>A PNG or JPEG (already checked and re-encoded by the image stage) scaled into a rectangle.</summary>
public sealed record VectorBitmap(byte[] Data, double X, double Y, double Width, double Height, Affine Transform, IReadOnlyList<VectorClip> Clips)
    : VectorItem(Transform, Clips);

public sealed record VectorClip(VectorPath Path, FillRule Rule);

public enum FillRule { NonZero, EvenOdd }

public enum LineCap { Butt, Round, Square }

public enum LineJoin { Miter, Round, Bevel }

public readonly record struct VectorColor(byte R, byte G, byte B, double Alpha)
{
    public static VectorColor Black { get; } = new(0, 0, 0, 1);

    public VectorColor WithAlpha(double factor) => this with { Alpha = Math.Clamp(Alpha * factor, 0, 1) };
}

public abstract record VectorPaint;

public sealed record SolidPaint(VectorColor Color) : VectorPaint;

public sealed record GradientStop(double Offset, VectorColor Color);

/// <summary>A gradient from (<see cref="X1"/>, <see cref="Y1"/>) to (<see cref="X2"/>, <see cref="Y2"/>) in gradient
/// space, which <see cref="Transform"/> maps to the shape's coordinates; padded beyond its ends.</summary>
public sealed record LinearGradientPaint(double X1, double Y1, double X2, double Y2, IReadOnlyList<GradientStop> Stops, Affine Transform) : VectorPaint;

/// <summary>A gradient of circles around (<see cref="Cx"/>, <see cref="Cy"/>) up to radius <see cref="R"/>, from the focus
/// (<see cref="Fx"/>, <see cref="Fy"/>), in gradient space mapped by <see cref="Transform"/>.</summary>
public sealed record RadialGradientPaint(double Cx, double Cy, double R, double Fx, double Fy, IReadOnlyList<GradientStop> Stops, Affine Transform) : VectorPaint;

public sealed record VectorStroke(VectorPaint Paint, double Width, LineCap Cap, LineJoin Join, double MiterLimit, IReadOnlyList<double> Dashes, double DashOffset);
