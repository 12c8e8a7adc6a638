using GptBook.Fonts;

namespace GptBook.Layout.Formulas;

/// <summary>
/// A box of typeset math, TeX-style: <see cref="Width"/> wide, reaching <see cref="Height"/> above its baseline and
/// <see cref="Depth"/> below it. All lengths are in em of the formula's font size (1.0 = the size of the
/// surrounding text), so one layout serves any size; the page layout multiplies by the size in points.
/// </summary>
public abstract record MathBox(double Width, double Height, double Depth);

/// <summary>
/// One glyph of a face at <see cref="Size"/> (em of the formula's size: 1, 0.8 in scripts, 0.65 in second-level
/// scripts). <see cref="Text"/> is the character it draws when the face maps one to it (what copying yields);
/// empty for a variant or an assembly piece, which the writer draws from the glyph id alone.
/// </summary>
public sealed record GlyphBox(FontRole Face, int GlyphId, string Text, double Size, double Width, double Height, double Depth, double Italic)
    : MathBox(Width, Height, Depth);

/// <summary>
/// A glyph drawn in place of the character's own: a larger variant or an assembly of parts (<see cref="Drawn"/>), or
/// a prime's script form, which no character maps to, so the writer draws it from its outlines. <see cref="StandsFor"/>
/// is the character it stands for (a delimiter, √, ∑, a brace or arrow, ′), what it copies as; <see cref="Size"/> is
/// its style's size in em.
/// </summary>
public sealed record StretchedBox(MathBox Drawn, string StandsFor, double Size) : MathBox(Drawn.Width, Drawn.Height, Drawn.Depth);

/// <summary>A filled rectangle from <see cref="MathBox.Depth"/> below to <see cref="MathBox.Height"/> above the baseline: fraction bars, radical overbars.</summary>
public sealed record RuleBox(double Width, double Height, double Depth) : MathBox(Width, Height, Depth);

/// <summary>An outlined rectangle around an error's source (stroke <see cref="Thickness"/> em), so a broken formula is visibly marked.</summary>
public sealed record FrameBox(double Width, double Height, double Depth, double Thickness) : MathBox(Width, Height, Depth);

/// <summary>
/// A straight stroke from (<see cref="X1"/>, <see cref="Y1"/>) to (<see cref="X2"/>, <see cref="Y2"/>), y up from the
/// baseline, <see cref="Thickness"/> em wide: the diagonal of \cancel. It takes no room of its own; the group it is in
/// is as large as the term it strikes.
/// </summary>
public sealed record StrokeBox(double X1, double Y1, double X2, double Y2, double Thickness) : MathBox(0, 0, 0);

/// <summary>Empty horizontal space (TeX's kerns and glue between atoms).</summary>
public sealed record SpaceBox(double Width) : MathBox(Width, 0, 0);

/// <summary>A child box placed at <see cref="X"/> from the parent's origin, raised by <see cref="Shift"/> (negative: lowered).</summary>
public readonly record struct PlacedBox(MathBox Box, double X, double Shift);

/// <summary>Boxes placed relative to one origin: what every construct (a list, a fraction, a radical) becomes.</summary>
public sealed record GroupBox(IReadOnlyList<PlacedBox> Children, double Width, double Height, double Depth) : MathBox(Width, Height, Depth)
{
    /// <summary>The group of <paramref name="children"/>, its height and depth the extremes of theirs (never below 0), its width given.</summary>
    public static GroupBox Of(IReadOnlyList<PlacedBox> children, double width)
    {
        double height = 0, depth = 0;
        foreach (var c in children)
        {
            if (c.Box is SpaceBox) continue;
            height = Math.Max(height, c.Box.Height + c.Shift);
            depth = Math.Max(depth, c.Box.Depth - c.Shift);
        }
        return new GroupBox(children, width, height, depth);
    }

    /// <summary>Boxes side by side on one baseline.</summary>
    public static GroupBox Row(IEnumerable<MathBox> boxes)
    {
        var placed = new List<PlacedBox>();
        double x = 0;
        foreach (var b in boxes)
        {
            placed.Add(new PlacedBox(b, x, 0));
            x += b.Width;
        }
        return Of(placed, x);
    }
}
