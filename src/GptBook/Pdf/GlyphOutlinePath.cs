using GptBook.Fonts;
using PdfSharp.Drawing;

namespace GptBook.Pdf;

/// <summary>
/// A TrueType outline as a PDF path one unit (1 pt at size 1) to the em, y downwards like the page: quadratic
/// segments raised to cubic ones (PDF has no quadratic curves), filled non-zero.
/// </summary>
internal sealed class GlyphOutlinePath : IGlyphOutlineSink
{
    private readonly XGraphicsPath _path = new() { FillMode = XFillMode.Winding };
    private readonly double _unit;
    private XPoint _current;

    private GlyphOutlinePath(int unitsPerEm) => _unit = 1.0 / unitsPerEm;

    public static XGraphicsPath? Of(GlyphOutline outline)
    {
        if (outline.Contours.Count == 0) return null;
        var builder = new GlyphOutlinePath(outline.UnitsPerEm);
        GlyphContourWalker.Walk(outline, builder);
        return builder._path;
    }

    public void MoveTo(double x, double y)
    {
        _path.StartFigure();
        _current = Map(x, y);
    }

    public void LineTo(double x, double y)
    {
        var to = Map(x, y);
        _path.AddLine(_current, to);
        _current = to;
    }

    /// <summary>The quadratic Bézier from the current point as the equivalent cubic.</summary>
    public void QuadraticTo(double controlX, double controlY, double x, double y)
    {
        var control = Map(controlX, controlY);
        var to = Map(x, y);
        var c1 = new XPoint(_current.X + 2.0 / 3 * (control.X - _current.X), _current.Y + 2.0 / 3 * (control.Y - _current.Y));
        var c2 = new XPoint(to.X + 2.0 / 3 * (control.X - to.X), to.Y + 2.0 / 3 * (control.Y - to.Y));
        _path.AddBezier(_current, c1, c2, to);
        _current = to;
    }

    public void Close() => _path.CloseFigure();

    private XPoint Map(double x, double y) => new(x * _unit, -y * _unit);
}
