using GptBook.Fonts;
using PdfSharp.Drawing;

namespace GptBook.Pdf;

/// <summary>
/// A TrueType outline as a PDF path one unit (1 pt at size 1) to the em, y downwards like the page: quadratic
/// segments raised to cubic ones, two off-curve points in a row meeting at their midpoint, filled non-zero.
/// </summary>
internal static class GlyphOutlinePath
{
    public static XGraphicsPath? Of(GlyphOutline outline)
    {
        if (outline.Contours.Count == 0) return null;
        var unit = 1.0 / outline.UnitsPerEm;
        XPoint Map(GlyphPoint p) => new(p.X * unit, -p.Y * unit);
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        foreach (var contour in outline.Contours)
        {
            var points = contour.Points;
            if (points.Count < 2) continue;
            path.StartFigure();
            var startIndex = points[0].OnCurve ? 0 : points[^1].OnCurve ? points.Count - 1 : -1;
            var start = startIndex >= 0 ? Map(points[startIndex]) : Mid(Map(points[0]), Map(points[^1]));
            var current = start;
            XPoint? control = null;
            var first = startIndex == 0 ? 1 : 0;
            var count = startIndex == points.Count - 1 ? points.Count - 1 : points.Count - first;
            for (var k = 0; k < count; k++)
            {
                var p = points[first + k];
                var mapped = Map(p);
                if (p.OnCurve)
                {
                    if (control is { } c) current = Quadratic(path, current, c, mapped);
                    else { path.AddLine(current, mapped); current = mapped; }
                    control = null;
                }
                else
                {
                    if (control is { } c) current = Quadratic(path, current, c, Mid(c, mapped));
                    control = mapped;
                }
            }
            if (control is { } last) Quadratic(path, current, last, start);
            else path.AddLine(current, start);
            path.CloseFigure();
        }
        return path;
    }

    /// <summary>A quadratic Bézier from <paramref name="from"/> as the equivalent cubic; returns its end.</summary>
    private static XPoint Quadratic(XGraphicsPath path, XPoint from, XPoint control, XPoint to)
    {
        var c1 = new XPoint(from.X + 2.0 / 3 * (control.X - from.X), from.Y + 2.0 / 3 * (control.Y - from.Y));
        var c2 = new XPoint(to.X + 2.0 / 3 * (control.X - to.X), to.Y + 2.0 / 3 * (control.Y - to.Y));
        path.AddBezier(from, c1, c2, to);
        return to;
    }

    private static XPoint Mid(XPoint a, XPoint b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
}
