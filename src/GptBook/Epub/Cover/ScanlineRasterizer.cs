using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Epub.Cover;

/// <summary>
/// Fills paths (lines and quadratic Béziers, in pixel coordinates, y down) into an image with the nonzero winding
/// rule and antialiasing, which is all the drawn cover needs and what ImageSharp 2 without ImageSharp.Drawing
/// lacks. Curves are flattened to within <see cref="FlatnessTolerance"/> pixel; each pixel row is sampled on
/// <see cref="SubScanlines"/> sub-scanlines, and on each the covered spans are accumulated with exact fractional
/// coverage at their ends, so edges are smooth both ways.
/// </summary>
public sealed class ScanlineRasterizer
{
    public const int SubScanlines = 8;
    private const double FlatnessTolerance = 0.05;

    private readonly List<Edge> _edges = [];
    private (double X, double Y) _start;
    private (double X, double Y) _current;
    private bool _open;

    public bool IsEmpty => _edges.Count == 0;

    public void MoveTo(double x, double y)
    {
        Close();
        _start = _current = (x, y);
        _open = true;
    }

    public void LineTo(double x, double y)
    {
        AddEdge(_current, (x, y));
        _current = (x, y);
    }

    public void QuadraticTo(double cx, double cy, double x, double y)
    {
        var (x0, y0) = _current;
        // The curve's largest distance from its chord is |p0 - 2c + p2| / 4, and n segments cut it by n².
        var deviation = Math.Sqrt(Square(x0 - 2 * cx + x) + Square(y0 - 2 * cy + y)) / 4;
        var segments = Math.Clamp((int)Math.Ceiling(Math.Sqrt(deviation / FlatnessTolerance)), 1, 100);
        for (var i = 1; i <= segments; i++)
        {
            var t = (double)i / segments;
            var u = 1 - t;
            LineTo(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
        }
    }

    /// <summary>Closes the current contour back to its start point.</summary>
    public void Close()
    {
        if (!_open) return;
        if (_current != _start) LineTo(_start.X, _start.Y);
        _open = false;
    }

    public void AddRectangle(double x, double y, double width, double height)
    {
        MoveTo(x, y);
        LineTo(x + width, y);
        LineTo(x + width, y + height);
        LineTo(x, y + height);
        Close();
    }

    /// <summary>
    /// Coverage (0 … 1) of every pixel of a <paramref name="width"/> × <paramref name="height"/> canvas, row by row.
    /// </summary>
    public float[] Rasterize(int width, int height)
    {
        Close();
        var coverage = new float[width * height];
        var (top, bottom) = RowRange(height);
        var edgesByRow = EdgesByRow(top, bottom);
        var row = new float[width + 1];
        for (var y = top; y < bottom; y++)
        {
            if (!AccumulateRow(y, edgesByRow[y - top], width, row)) continue;
            for (var x = 0; x < width; x++) coverage[y * width + x] = Math.Min(1f, row[x] / SubScanlines);
        }
        return coverage;
    }

    /// <summary>Paints the filled paths onto <paramref name="image"/> in <paramref name="color"/> (its alpha included).</summary>
    public void Fill(Image<Rgba32> image, Rgba32 color)
    {
        Close();
        var width = image.Width;
        var (top, bottom) = RowRange(image.Height);
        var edgesByRow = EdgesByRow(top, bottom);
        var row = new float[width + 1];
        image.ProcessPixelRows(access =>
        {
            for (var y = top; y < bottom; y++)
            {
                if (!AccumulateRow(y, edgesByRow[y - top], width, row)) continue;
                var pixels = access.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    var a = Math.Min(1f, row[x] / SubScanlines) * color.A / 255f;
                    if (a <= 0) continue;
                    ref var p = ref pixels[x];
                    p = new Rgba32(Mix(p.R, color.R, a), Mix(p.G, color.G, a), Mix(p.B, color.B, a), (byte)Math.Round(255 * (a + p.A / 255f * (1 - a))));
                }
            }
        });
    }

    /// <summary>Removes every path, so the rasterizer can be reused.</summary>
    public void Clear()
    {
        _edges.Clear();
        _open = false;
    }

    private (int Top, int Bottom) RowRange(int height)
    {
        if (_edges.Count == 0) return (0, 0);
        var minY = _edges.Min(e => Math.Min(e.Y0, e.Y1));
        var maxY = _edges.Max(e => Math.Max(e.Y0, e.Y1));
        return (Math.Clamp((int)Math.Floor(minY), 0, height), Math.Clamp((int)Math.Ceiling(maxY), 0, height));
    }

    /// <summary>For each pixel row from <paramref name="top"/>, the edges that cross it: each row then only looks at its own.</summary>
    private List<Edge>[] EdgesByRow(int top, int bottom)
    {
        var rows = new List<Edge>[Math.Max(0, bottom - top)];
        for (var i = 0; i < rows.Length; i++) rows[i] = [];
        foreach (var e in _edges)
        {
            var first = Math.Max(top, (int)Math.Floor(e.Top));
            var last = Math.Min(bottom - 1, (int)Math.Ceiling(e.Bottom) - 1);
            for (var y = first; y <= last; y++) rows[y - top].Add(e);
        }
        return rows;
    }

    /// <summary>Sums the covered length of each pixel of row <paramref name="y"/> over all sub-scanlines; false if nothing is covered.</summary>
    private static bool AccumulateRow(int y, List<Edge> edges, int width, float[] row)
    {
        Array.Clear(row);
        if (edges.Count < 2) return false;
        var any = false;
        var crossings = new List<(double X, int Winding)>();
        for (var s = 0; s < SubScanlines; s++)
        {
            var sy = y + (s + 0.5) / SubScanlines;
            crossings.Clear();
            foreach (var e in edges)
            {
                if (sy < e.Top || sy >= e.Bottom) continue;
                crossings.Add((e.X0 + (sy - e.Y0) * e.Slope, e.Winding));
            }
            if (crossings.Count < 2) continue;
            crossings.Sort((a, b) => a.X.CompareTo(b.X));
            var winding = 0;
            for (var i = 0; i < crossings.Count - 1; i++)
            {
                winding += crossings[i].Winding;
                if (winding == 0) continue;
                AddSpan(row, width, crossings[i].X, crossings[i + 1].X);
                any = true;
            }
        }
        return any;
    }

    private static void AddSpan(float[] row, int width, double from, double to)
    {
        from = Math.Clamp(from, 0, width);
        to = Math.Clamp(to, 0, width);
        if (to <= from) return;
        var first = (int)from;
        var last = (int)to;
        if (first == last)
        {
            row[first] += (float)(to - from);
            return;
        }
        row[first] += (float)(first + 1 - from);
        for (var x = first + 1; x < last; x++) row[x] += 1f;
        if (last < width) row[last] += (float)(to - last);
    }

    private void AddEdge((double X, double Y) a, (double X, double Y) b)
    {
        if (a.Y == b.Y) return; // horizontal edges never cross a scanline
        _edges.Add(new Edge(a.X, a.Y, b.X, b.Y));
    }

    private static byte Mix(byte under, byte over, float alpha) => (byte)Math.Round(under + (over - under) * alpha);

    private static double Square(double v) => v * v;

    private sealed record Edge(double X0, double Y0, double X1, double Y1)
    {
        public double Top { get; } = Math.Min(Y0, Y1);
        public double Bottom { get; } = Math.Max(Y0, Y1);
        public double Slope { get; } = (X1 - X0) / (Y1 - Y0);
        public int Winding { get; } = Y1 > Y0 ? 1 : -1;
    }
}
