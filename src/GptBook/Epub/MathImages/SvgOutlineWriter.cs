using System.Globalization;
using System.Text;
using GptBook.Fonts;

namespace GptBook.Epub.MathImages;

/// <summary>
/// A TrueType outline as SVG path data, placed and scaled into the formula picture's coordinates (thousandths of
/// an em, y downwards), through the one contour walk every outline consumer shares (<see cref="GlyphContourWalker"/>).
/// SVG has quadratic curves, so the TrueType segments are written as they are. Each point is rounded to a whole
/// thousandth of an em (a twentieth of a pixel at 50 px text) and written relative to the previous one
/// (<c>m l q z</c>), which makes the files about a third smaller than absolute coordinates with decimals; rounding
/// the absolute point first keeps the errors from adding up. It also keeps the extremes of the points it writes
/// (control points included, which bound the curves), so that the picture is made large enough for ink that
/// reaches past a glyph's box.
/// </summary>
internal sealed class SvgOutlineWriter : IGlyphOutlineSink
{
    private readonly StringBuilder _data = new();
    private double _originX, _baselineY, _scale;
    private long _x, _y;

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
        // A path's first relative moveto is taken from (0, 0), that is, as absolute coordinates.
        (_x, _y) = (0, 0);
        (_originX, _baselineY, _scale) = (originX, baselineY, size * SvgNumbers.UnitsPerEm / outline.UnitsPerEm);
        GlyphContourWalker.Walk(outline, this);
        return _data.ToString();
    }

    public void MoveTo(double x, double y)
    {
        _data.Append('m');
        Point(x, y, moves: true);
    }

    public void LineTo(double x, double y)
    {
        _data.Append('l');
        Point(x, y, moves: true);
    }

    /// <summary>Both points of a relative quadratic are relative to the segment's start.</summary>
    public void QuadraticTo(double controlX, double controlY, double x, double y)
    {
        _data.Append('q');
        Point(controlX, controlY, moves: false);
        _data.Append(' ');
        Point(x, y, moves: true);
    }

    /// <summary>The walker has already returned to the contour's start, so the current point after z is where it is.</summary>
    public void Close() => _data.Append('z');

    private void Point(double fontX, double fontY, bool moves)
    {
        var x = (long)Math.Round(_originX + fontX * _scale, MidpointRounding.AwayFromZero);
        var y = (long)Math.Round(_baselineY - fontY * _scale, MidpointRounding.AwayFromZero);
        (Left, Right, Top, Bottom) = (Math.Min(Left, x), Math.Max(Right, x), Math.Min(Top, y), Math.Max(Bottom, y));
        _data.Append((x - _x).ToString(CultureInfo.InvariantCulture));
        var dy = y - _y;
        // A negative number separates itself; a positive one needs a space.
        if (dy >= 0) _data.Append(' ');
        _data.Append(dy.ToString(CultureInfo.InvariantCulture));
        if (moves) (_x, _y) = (x, y);
    }
}
