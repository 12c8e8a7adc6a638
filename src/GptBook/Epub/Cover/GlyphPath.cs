using GptBook.Fonts;

namespace GptBook.Epub.Cover;

/// <summary>
/// Feeds a TrueType glyph outline into a <see cref="ScanlineRasterizer"/>: font units (y up) scaled to pixels
/// (y down) at a pen position, with the TrueType rule that two off-curve points in a row imply an on-curve point
/// midway between them.
/// </summary>
public static class GlyphPath
{
    public static void Add(ScanlineRasterizer rasterizer, GlyphOutline glyph, double penX, double baselineY, double pixelsPerUnit)
    {
        (double X, double Y) Map(GlyphPoint p) => (penX + p.X * pixelsPerUnit, baselineY - p.Y * pixelsPerUnit);

        foreach (var contour in glyph.Contours)
        {
            var points = contour.Points;
            if (points.Count < 2) continue;

            // Start on an on-curve point: the first, else the last, else the midpoint of the two.
            var startIndex = points[0].OnCurve ? 0 : points[^1].OnCurve ? points.Count - 1 : -1;
            var start = startIndex >= 0 ? Map(points[startIndex]) : Mid(Map(points[0]), Map(points[^1]));
            rasterizer.MoveTo(start.X, start.Y);

            (double X, double Y)? control = null;
            var first = startIndex == 0 ? 1 : 0;
            var count = startIndex == points.Count - 1 ? points.Count - 1 : points.Count - first;
            for (var k = 0; k < count; k++)
            {
                var p = points[first + k];
                var mapped = Map(p);
                if (p.OnCurve)
                {
                    if (control is { } c) rasterizer.QuadraticTo(c.X, c.Y, mapped.X, mapped.Y);
                    else rasterizer.LineTo(mapped.X, mapped.Y);
                    control = null;
                }
                else
                {
                    if (control is { } c)
                    {
                        var mid = Mid(c, mapped);
                        rasterizer.QuadraticTo(c.X, c.Y, mid.X, mid.Y);
                    }
                    control = mapped;
                }
            }
            if (control is { } last) rasterizer.QuadraticTo(last.X, last.Y, start.X, start.Y);
            rasterizer.Close();
        }
    }

    private static (double X, double Y) Mid((double X, double Y) a, (double X, double Y) b) => ((a.X + b.X) / 2, (a.Y + b.Y) / 2);
}
