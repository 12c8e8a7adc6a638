namespace GptBook.Images.Vector;

public enum PathVerb : byte { Move, Line, Cubic, Close }

/// <summary>
/// A path of straight and cubic Bézier segments (quadratics and arcs are converted when read), absolute
/// coordinates. A Move starts a subpath; Cubic takes three points (two controls and the end).
/// </summary>
public sealed class VectorPath
{
    private readonly List<PathVerb> _verbs = [];
    private readonly List<(double X, double Y)> _points = [];

    public IReadOnlyList<PathVerb> Verbs => _verbs;
    public IReadOnlyList<(double X, double Y)> Points => _points;
    public bool IsEmpty => _verbs.Count == 0;

    public void MoveTo(double x, double y) => Add(PathVerb.Move, (x, y));

    public void LineTo(double x, double y) => Add(PathVerb.Line, (x, y));

    public void CubicTo(double x1, double y1, double x2, double y2, double x, double y)
    {
        _verbs.Add(PathVerb.Cubic);
        _points.Add((x1, y1));
        _points.Add((x2, y2));
        _points.Add((x, y));
    }

    public void Close()
    {
        if (_verbs.Count > 0 && _verbs[^1] != PathVerb.Close) _verbs.Add(PathVerb.Close);
    }

    private void Add(PathVerb verb, (double, double) point)
    {
        _verbs.Add(verb);
        _points.Add(point);
    }

    /// <summary>Appends <paramref name="other"/>, every point mapped by <paramref name="transform"/>.</summary>
    public void Append(VectorPath other, Affine transform)
    {
        _verbs.AddRange(other._verbs);
        foreach (var (x, y) in other._points) _points.Add(transform.Apply(x, y));
    }

    /// <summary>The box of all points (control points included, so it may be a little larger than the ink).</summary>
    public (double X, double Y, double Width, double Height) Bounds()
    {
        if (_points.Count == 0) return (0, 0, 0, 0);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (x, y) in _points)
        {
            minX = Math.Min(minX, x); minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x); maxY = Math.Max(maxY, y);
        }
        return (minX, minY, maxX - minX, maxY - minY);
    }

    /// <summary>
    /// The path's vertices with the direction a line arrives at and leaves each (radians), for markers: the start
    /// of each subpath, the end of every segment.
    /// </summary>
    public IReadOnlyList<(double X, double Y, double In, double Out)> Vertices()
    {
        var result = new List<(double X, double Y, double In, double Out)>();
        var p = 0;
        (double X, double Y) current = (0, 0), start = (0, 0);
        foreach (var verb in _verbs)
        {
            switch (verb)
            {
                case PathVerb.Move:
                    current = start = _points[p++];
                    result.Add((current.X, current.Y, double.NaN, double.NaN));
                    break;
                case PathVerb.Line:
                {
                    var next = _points[p++];
                    Segment(current, current, next, next);
                    current = next;
                    break;
                }
                case PathVerb.Cubic:
                {
                    var (c1, c2, end) = (_points[p], _points[p + 1], _points[p + 2]);
                    p += 3;
                    Segment(current, c1, c2, end);
                    current = end;
                    break;
                }
                case PathVerb.Close:
                    if (current != start) Segment(current, current, start, start);
                    current = start;
                    break;
            }
        }
        // A vertex with only one direction uses it for both.
        for (var i = 0; i < result.Count; i++)
        {
            var v = result[i];
            if (double.IsNaN(v.In)) v.In = double.IsNaN(v.Out) ? 0 : v.Out;
            if (double.IsNaN(v.Out)) v.Out = v.In;
            result[i] = v;
        }
        return result;

        void Segment((double X, double Y) from, (double X, double Y) c1, (double X, double Y) c2, (double X, double Y) to)
        {
            var outAngle = Direction(from, c1 != from ? c1 : c2 != from ? c2 : to);
            var inAngle = Direction(c2 != to ? c2 : c1 != to ? c1 : from, to);
            if (result.Count > 0)
            {
                var last = result[^1];
                last.Out = outAngle;
                result[^1] = last;
            }
            result.Add((to.X, to.Y, inAngle, double.NaN));
        }
    }

    private static double Direction((double X, double Y) from, (double X, double Y) to) => Math.Atan2(to.Y - from.Y, to.X - from.X);
}
