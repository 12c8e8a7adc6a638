using System.Xml.Linq;
using GptBook.Policies;

namespace GptBook.Images.Vector;

/// <summary>The geometry of SVG's basic shapes and paths, in the element's user space.</summary>
internal static class SvgShapes
{
    /// <summary>Bézier handle length for a quarter circle of radius 1.</summary>
    private const double Kappa = 0.5522847498;

    public delegate double? LengthOf(XElement e, string attribute, SvgStyle style, SvgDrawingReader.Axis axis);

    /// <summary>The shape's outline, or null for an element that has none (or whose size makes it not render).</summary>
    public static VectorPath? Geometry(XElement e, string name, SvgStyle style, LengthOf length)
    {
        double L(string attribute, SvgDrawingReader.Axis axis) => length(e, attribute, style, axis) ?? 0;
        var path = new VectorPath();
        switch (name)
        {
            case "path":
                return SvgPathData.Parse((string?)e.Attribute("d"));
            case "rect":
            {
                var (x, y) = (L("x", SvgDrawingReader.Axis.X), L("y", SvgDrawingReader.Axis.Y));
                var (w, h) = (L("width", SvgDrawingReader.Axis.X), L("height", SvgDrawingReader.Axis.Y));
                if (w <= 0 || h <= 0) return null;
                var rx = length(e, "rx", style, SvgDrawingReader.Axis.X);
                var ry = length(e, "ry", style, SvgDrawingReader.Axis.Y);
                var (r1, r2) = (Math.Min(Math.Max(0, rx ?? ry ?? 0), w / 2), Math.Min(Math.Max(0, ry ?? rx ?? 0), h / 2));
                if (r1 <= 0 || r2 <= 0)
                {
                    path.MoveTo(x, y); path.LineTo(x + w, y); path.LineTo(x + w, y + h); path.LineTo(x, y + h); path.Close();
                    return path;
                }
                var (kx, ky) = (r1 * Kappa, r2 * Kappa);
                path.MoveTo(x + r1, y);
                path.LineTo(x + w - r1, y);
                path.CubicTo(x + w - r1 + kx, y, x + w, y + r2 - ky, x + w, y + r2);
                path.LineTo(x + w, y + h - r2);
                path.CubicTo(x + w, y + h - r2 + ky, x + w - r1 + kx, y + h, x + w - r1, y + h);
                path.LineTo(x + r1, y + h);
                path.CubicTo(x + r1 - kx, y + h, x, y + h - r2 + ky, x, y + h - r2);
                path.LineTo(x, y + r2);
                path.CubicTo(x, y + r2 - ky, x + r1 - kx, y, x + r1, y);
                path.Close();
                return path;
            }
            case "circle":
            {
                var r = L("r", SvgDrawingReader.Axis.Other);
                return r > 0 ? Ellipse(L("cx", SvgDrawingReader.Axis.X), L("cy", SvgDrawingReader.Axis.Y), r, r) : null;
            }
            case "ellipse":
            {
                var (rx, ry) = (L("rx", SvgDrawingReader.Axis.X), L("ry", SvgDrawingReader.Axis.Y));
                return rx > 0 && ry > 0 ? Ellipse(L("cx", SvgDrawingReader.Axis.X), L("cy", SvgDrawingReader.Axis.Y), rx, ry) : null;
            }
            case "line":
                path.MoveTo(L("x1", SvgDrawingReader.Axis.X), L("y1", SvgDrawingReader.Axis.Y));
                path.LineTo(L("x2", SvgDrawingReader.Axis.X), L("y2", SvgDrawingReader.Axis.Y));
                return path;
            case "polyline":
            case "polygon":
            {
                var points = SvgNumbers.List((string?)e.Attribute("points"));
                if (points.Count < 4) return null;
                path.MoveTo(points[0], points[1]);
                for (var i = 2; i + 1 < points.Count; i += 2) path.LineTo(points[i], points[i + 1]);
                if (name == "polygon") path.Close();
                return path;
            }
            default:
                return null;
        }
    }

    private static VectorPath Ellipse(double cx, double cy, double rx, double ry)
    {
        var path = new VectorPath();
        var (kx, ky) = (rx * Kappa, ry * Kappa);
        path.MoveTo(cx + rx, cy);
        path.CubicTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
        path.CubicTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
        path.CubicTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
        path.CubicTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
        path.Close();
        return path;
    }
}
