namespace GptBook.Fonts;

/// <summary>Receives a glyph outline as drawing commands, in font units with y up.</summary>
public interface IGlyphOutlineSink
{
    void MoveTo(double x, double y);
    void LineTo(double x, double y);
    void QuadraticTo(double controlX, double controlY, double x, double y);

    /// <summary>Ends the contour; the last command has already returned to its start point.</summary>
    void Close();
}

/// <summary>
/// Turns TrueType contours into move, line and quadratic commands, once for every consumer (the PDF's vector
/// glyphs and the drawn cover): each contour starts on an on-curve point (the first, else the last, else the
/// midpoint of the two), two off-curve points in a row meet at their implied on-curve midpoint, and every contour
/// ends explicitly back at its start before <see cref="IGlyphOutlineSink.Close"/>.
/// </summary>
public static class GlyphContourWalker
{
    public static void Walk(GlyphOutline outline, IGlyphOutlineSink sink)
    {
        foreach (var contour in outline.Contours)
        {
            var points = contour.Points;
            if (points.Count < 2) continue;
            var startIndex = points[0].OnCurve ? 0 : points[^1].OnCurve ? points.Count - 1 : -1;
            var start = startIndex >= 0 ? points[startIndex] : Mid(points[0], points[^1]);
            sink.MoveTo(start.X, start.Y);

            GlyphPoint? control = null;
            var first = startIndex == 0 ? 1 : 0;
            var count = startIndex == points.Count - 1 ? points.Count - 1 : points.Count - first;
            for (var k = 0; k < count; k++)
            {
                var p = points[first + k];
                if (p.OnCurve)
                {
                    if (control is { } c) sink.QuadraticTo(c.X, c.Y, p.X, p.Y);
                    else sink.LineTo(p.X, p.Y);
                    control = null;
                }
                else
                {
                    if (control is { } c)
                    {
                        var mid = Mid(c, p);
                        sink.QuadraticTo(c.X, c.Y, mid.X, mid.Y);
                    }
                    control = p;
                }
            }
            if (control is { } last) sink.QuadraticTo(last.X, last.Y, start.X, start.Y);
            else sink.LineTo(start.X, start.Y);
            sink.Close();
        }
    }

    private static GlyphPoint Mid(GlyphPoint a, GlyphPoint b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2, true);
}
