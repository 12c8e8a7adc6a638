using GptBook.Policies;

namespace GptBook.Images.Vector;

/// <summary>
/// Reads SVG path data (<c>d</c>) into a <see cref="VectorPath"/>: all commands, absolute and relative, with
/// implicit repeats; quadratic curves become cubics and elliptical arcs become cubic approximations (one per
/// quarter turn at most, error below 0.03 % of the radius). Reading stops at the first error, keeping what came
/// before, as SVG specifies.
/// </summary>
public static class SvgPathData
{
    public static VectorPath Parse(string? d)
    {
        var path = new VectorPath();
        if (string.IsNullOrEmpty(d)) return path;
        var i = 0;
        double x = 0, y = 0, startX = 0, startY = 0;
        double lastControlX = 0, lastControlY = 0;
        var lastCommand = ' ';
        var command = ' ';
        while (true)
        {
            SvgNumbers.SkipSeparators(d, ref i);
            if (i >= d.Length) break;
            if (char.IsAsciiLetter(d[i]))
            {
                command = d[i++];
                SvgNumbers.SkipSeparators(d, ref i);
            }
            else if (command == ' ') break;
            else if (command is 'M') command = 'L';
            else if (command is 'm') command = 'l';
            else if (command is 'Z' or 'z') break;

            var relative = char.IsAsciiLetterLower(command);
            var ox = relative ? x : 0;
            var oy = relative ? y : 0;
            var upper = char.ToUpperInvariant(command);
            if (upper != 'Z' && path.IsEmpty && upper != 'M') break; // a path must start with a move
            bool ok;
            switch (upper)
            {
                case 'M':
                    ok = Read(d, ref i, out var mx, out var my);
                    if (!ok) return path;
                    x = startX = ox + mx;
                    y = startY = oy + my;
                    path.MoveTo(x, y);
                    break;
                case 'L':
                    if (!Read(d, ref i, out var lx, out var ly)) return path;
                    x = ox + lx; y = oy + ly;
                    path.LineTo(x, y);
                    break;
                case 'H':
                    if (!SvgNumbers.TryReadNumber(d, ref i, out var hx)) return path;
                    x = ox + hx;
                    path.LineTo(x, y);
                    break;
                case 'V':
                    if (!SvgNumbers.TryReadNumber(d, ref i, out var vy)) return path;
                    y = oy + vy;
                    path.LineTo(x, y);
                    break;
                case 'C':
                {
                    if (!Read(d, ref i, out var x1, out var y1) || !Read(d, ref i, out var x2, out var y2) || !Read(d, ref i, out var ex, out var ey)) return path;
                    path.CubicTo(ox + x1, oy + y1, ox + x2, oy + y2, ox + ex, oy + ey);
                    (lastControlX, lastControlY) = (ox + x2, oy + y2);
                    (x, y) = (ox + ex, oy + ey);
                    break;
                }
                case 'S':
                {
                    if (!Read(d, ref i, out var x2, out var y2) || !Read(d, ref i, out var ex, out var ey)) return path;
                    var (x1, y1) = char.ToUpperInvariant(lastCommand) is 'C' or 'S' ? (2 * x - lastControlX, 2 * y - lastControlY) : (x, y);
                    path.CubicTo(x1, y1, ox + x2, oy + y2, ox + ex, oy + ey);
                    (lastControlX, lastControlY) = (ox + x2, oy + y2);
                    (x, y) = (ox + ex, oy + ey);
                    break;
                }
                case 'Q':
                {
                    if (!Read(d, ref i, out var qx, out var qy) || !Read(d, ref i, out var ex, out var ey)) return path;
                    Quadratic(path, x, y, ox + qx, oy + qy, ox + ex, oy + ey);
                    (lastControlX, lastControlY) = (ox + qx, oy + qy);
                    (x, y) = (ox + ex, oy + ey);
                    break;
                }
                case 'T':
                {
                    if (!Read(d, ref i, out var ex, out var ey)) return path;
                    var (qx, qy) = char.ToUpperInvariant(lastCommand) is 'Q' or 'T' ? (2 * x - lastControlX, 2 * y - lastControlY) : (x, y);
                    Quadratic(path, x, y, qx, qy, ox + ex, oy + ey);
                    (lastControlX, lastControlY) = (qx, qy);
                    (x, y) = (ox + ex, oy + ey);
                    break;
                }
                case 'A':
                {
                    if (!SvgNumbers.TryReadNumber(d, ref i, out var rx)) return path;
                    SvgNumbers.SkipSeparators(d, ref i);
                    if (!SvgNumbers.TryReadNumber(d, ref i, out var ry)) return path;
                    SvgNumbers.SkipSeparators(d, ref i);
                    if (!SvgNumbers.TryReadNumber(d, ref i, out var rotation)) return path;
                    if (!ReadFlag(d, ref i, out var large) || !ReadFlag(d, ref i, out var sweep)) return path;
                    if (!Read(d, ref i, out var ex, out var ey)) return path;
                    Arc(path, x, y, rx, ry, rotation, large, sweep, ox + ex, oy + ey);
                    (x, y) = (ox + ex, oy + ey);
                    break;
                }
                case 'Z':
                    path.Close();
                    (x, y) = (startX, startY);
                    break;
                default:
                    return path;
            }
            lastCommand = command;
            if (upper == 'Z') command = ' ';
        }
        return path;
    }

    private static bool Read(string d, ref int i, out double x, out double y)
    {
        y = 0;
        SvgNumbers.SkipSeparators(d, ref i);
        if (!SvgNumbers.TryReadNumber(d, ref i, out x)) return false;
        SvgNumbers.SkipSeparators(d, ref i);
        return SvgNumbers.TryReadNumber(d, ref i, out y);
    }

    /// <summary>Arc flags are single digits, which may run into the next number ("a1 1 0 00.5.5").</summary>
    private static bool ReadFlag(string d, ref int i, out bool flag)
    {
        SvgNumbers.SkipSeparators(d, ref i);
        flag = false;
        if (i >= d.Length || d[i] is not ('0' or '1')) return false;
        flag = d[i++] == '1';
        return true;
    }

    private static void Quadratic(VectorPath path, double x0, double y0, double qx, double qy, double x, double y) =>
        path.CubicTo(x0 + 2.0 / 3 * (qx - x0), y0 + 2.0 / 3 * (qy - y0), x + 2.0 / 3 * (qx - x), y + 2.0 / 3 * (qy - y), x, y);

    /// <summary>The endpoint-to-centre conversion of SVG's implementation notes (B.2.4), then cubic segments.</summary>
    public static void Arc(VectorPath path, double x1, double y1, double rx, double ry, double rotationDegrees, bool large, bool sweep, double x2, double y2)
    {
        if (x1 == x2 && y1 == y2) return;
        rx = Math.Abs(rx);
        ry = Math.Abs(ry);
        if (rx == 0 || ry == 0)
        {
            path.LineTo(x2, y2);
            return;
        }
        var phi = rotationDegrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(phi);
        var dx = (x1 - x2) / 2;
        var dy = (y1 - y2) / 2;
        var x1p = cos * dx + sin * dy;
        var y1p = -sin * dx + cos * dy;
        var lambda = x1p * x1p / (rx * rx) + y1p * y1p / (ry * ry);
        if (lambda > 1)
        {
            rx *= Math.Sqrt(lambda);
            ry *= Math.Sqrt(lambda);
        }
        var num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
        var den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
        var coef = (large != sweep ? 1 : -1) * Math.Sqrt(Math.Max(0, num / den));
        var cxp = coef * rx * y1p / ry;
        var cyp = -coef * ry * x1p / rx;
        var cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
        var cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
        var theta1 = Angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
        var delta = Angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
        if (!sweep && delta > 0) delta -= 2 * Math.PI;
        else if (sweep && delta < 0) delta += 2 * Math.PI;

        var segments = (int)Math.Ceiling(Math.Abs(delta) / (Math.PI / 2) - 1e-9);
        var step = delta / Math.Max(1, segments);
        var k = 4.0 / 3 * Math.Tan(step / 4);
        var t = theta1;
        for (var s = 0; s < segments; s++)
        {
            var (s1, c1) = Math.SinCos(t);
            var (s2, c2) = Math.SinCos(t + step);
            var p1 = Point(c1 - k * s1, s1 + k * c1);
            var p2 = Point(c2 + k * s2, s2 - k * c2);
            var p3 = s == segments - 1 ? (x2, y2) : Point(c2, s2);
            path.CubicTo(p1.X, p1.Y, p2.X, p2.Y, p3.Item1, p3.Item2);
            t += step;
        }

        (double X, double Y) Point(double ux, double uy) => (cx + rx * ux * cos - ry * uy * sin, cy + rx * ux * sin + ry * uy * cos);
    }

    private static double Angle(double ux, double uy, double vx, double vy) => Math.Atan2(ux * vy - uy * vx, ux * vx + uy * vy);
}
