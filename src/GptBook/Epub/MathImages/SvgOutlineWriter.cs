using System.Text;
using GptBook.Fonts;

namespace GptBook.Epub.MathImages;

/// <summary>
/// A TrueType outline as SVG path data, placed and scaled into the formula picture's coordinates (thousandths of
/// an em, y downwards), through the one contour walk every outline consumer shares (<see cref="GlyphContourWalker"/>).
/// SVG has quadratic curves, so the TrueType segments are written as they are. It also keeps the extremes of the
/// points it writes (control points included, which bound the curves), so that the picture is made large enough
/// for ink that reaches past a glyph's box (an italic's overhang).
/// </summary>
internal sealed class SvgOutlineWriter : IGlyphOutlineSink
{
    private readonly StringBuilder _data = new();
    private double _originX, _baselineY, _scale;

    public double Left { get; private set; } = double.PositiveInfinity;
    public double Right { get; private set; } = double.NegativeInfinity;
    public double Top { get; private set; } = double.PositiveInfinity;
    public double Bottom { get; private set; } = double.NegativeInfinity;

    /// <summary>
    /// The path data of <paramref name="outline"/> drawn <paramref name="size"/> em tall with its origin at
    /// (<paramref name="originX"/>, <paramref name="baselineY"/>) in thousandths of an em; empty for a blank glyph.
    /// </summary>
    public string Glyph(GlyphOutline outline, double originX, double baselineY, double size)
    {
        _data.Clear();
        (_originX, _baselineY, _scale) = (originX, baselineY, size * SvgNumbers.UnitsPerEm / outline.UnitsPerEm);
        GlyphContourWalker.Walk(outline, this);
        return _data.ToString();
    }

    public void MoveTo(double x, double y) => Command('M', (x, y));

    public void LineTo(double x, double y) => Command('L', (x, y));

    public void QuadraticTo(double controlX, double controlY, double x, double y) => Command('Q', (controlX, controlY), (x, y));

    public void Close() => _data.Append('Z');

    private void Command(char command, params (double X, double Y)[] points)
    {
        _data.Append(command);
        for (var i = 0; i < points.Length; i++)
        {
            var x = _originX + points[i].X * _scale;
            var y = _baselineY - points[i].Y * _scale;
            (Left, Right, Top, Bottom) = (Math.Min(Left, x), Math.Max(Right, x), Math.Min(Top, y), Math.Max(Bottom, y));
            if (i > 0) _data.Append(' ');
            _data.Append(SvgNumbers.Format(x)).Append(' ').Append(SvgNumbers.Format(y));
        }
    }
}
