using GptBook.Fonts;
using GptBook.Images.Vector;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GptBook.Pdf;

/// <summary>
/// Draws a <see cref="VectorDrawing"/> (an SVG read by the image stage's reader) into a box with PDFsharp: paths
/// as PDF paths, text as text in the bundled faces (so it can be searched, copied and read aloud), bitmaps as
/// images. A linear gradient is painted band by band, each band between two stops a two-colour PDF shading; a
/// radial one as fine concentric discs (see <see cref="FillRadial"/>). Stop opacity is not applied to gradients
/// (PDF shadings have no alpha), and a stroke painted with a gradient uses its middle colour.
/// </summary>
internal sealed class VectorDrawingRenderer(Func<FontRole, double, string, XFont> font)
{
    /// <summary>Far enough that a gradient band's clip covers any shape of a figure.</summary>
    private const double Far = 1e5;

    public void Draw(VectorDrawing drawing, XRect box, XGraphics gfx)
    {
        if (drawing.Width <= 0 || drawing.Height <= 0) return;
        var state = gfx.Save();
        gfx.TranslateTransform(box.X, box.Y);
        gfx.ScaleTransform(box.Width / drawing.Width, box.Height / drawing.Height);
        gfx.IntersectClip(new XRect(0, 0, drawing.Width, drawing.Height));
        foreach (var item in drawing.Items)
        {
            var itemState = gfx.Save();
            foreach (var clip in item.Clips) gfx.IntersectClip(Path(clip.Path, clip.Rule));
            gfx.MultiplyTransform(Matrix(item.Transform));
            switch (item)
            {
                case VectorShape shape:
                    DrawShape(shape, gfx);
                    break;
                case VectorText text:
                    gfx.DrawString(text.Text, font(text.Face, text.Size, text.Text), new XSolidBrush(Color(text.Color)), text.X, text.Y, XStringFormats.BaseLineLeft);
                    break;
                case VectorBitmap bitmap:
                    using (var image = XImage.FromStream(new MemoryStream(bitmap.Data, writable: false)))
                        gfx.DrawImage(image, bitmap.X, bitmap.Y, bitmap.Width, bitmap.Height);
                    break;
            }
            gfx.Restore(itemState);
        }
        gfx.Restore(state);
    }

    private static void DrawShape(VectorShape shape, XGraphics gfx)
    {
        var path = Path(shape.Path, shape.FillRule);
        switch (shape.Fill)
        {
            case SolidPaint solid:
                gfx.DrawPath(new XSolidBrush(Color(solid.Color)), path);
                break;
            case LinearGradientPaint linear:
                FillLinear(linear, path, gfx);
                break;
            case RadialGradientPaint radial:
                FillRadial(radial, path, gfx);
                break;
        }
        if (shape.Stroke is { } stroke) gfx.DrawPath(Pen(stroke), path);
    }

    /// <summary>Within the shape, each band between two stops is filled with a two-colour shading in gradient space.</summary>
    private static void FillLinear(LinearGradientPaint g, XGraphicsPath shape, XGraphics gfx)
    {
        var (dx, dy) = (g.X2 - g.X1, g.Y2 - g.Y1);
        var length = Math.Sqrt(dx * dx + dy * dy);
        var (nx, ny) = (-dy / length * Far, dx / length * Far);
        var state = gfx.Save();
        gfx.IntersectClip(shape);
        gfx.MultiplyTransform(Matrix(g.Transform));
        for (var i = 0; i + 1 < g.Stops.Count; i++)
        {
            var (a, b) = (g.Stops[i], g.Stops[i + 1]);
            // The band between the two stops' lines; the first and last bands reach out to pad the ends.
            var t0 = i == 0 ? -Far : a.Offset;
            var t1 = i + 2 == g.Stops.Count ? Far : b.Offset;
            if (t1 <= t0) continue;
            var (x0, y0) = (g.X1 + dx * t0, g.Y1 + dy * t0);
            var (x1, y1) = (g.X1 + dx * t1, g.Y1 + dy * t1);
            XPoint[] band = [new(x0 + nx, y0 + ny), new(x1 + nx, y1 + ny), new(x1 - nx, y1 - ny), new(x0 - nx, y0 - ny)];
            XBrush brush = b.Offset > a.Offset
                ? new XLinearGradientBrush(new XPoint(g.X1 + dx * a.Offset, g.Y1 + dy * a.Offset), new XPoint(g.X1 + dx * b.Offset, g.Y1 + dy * b.Offset),
                    Opaque(a.Color), Opaque(b.Color)) { ExtendLeft = true, ExtendRight = true }
                : new XSolidBrush(Opaque(i == 0 ? a.Color : b.Color));
            gfx.DrawPolygon(brush, band, XFillMode.Winding);
        }
        gfx.Restore(state);
    }

    /// <summary>
    /// PDFsharp 6.2.4 writes no radial shading (its radial brush paints nothing useful), so a radial gradient is
    /// painted within the shape as concentric discs from the outside in, <see cref="RadialSteps"/> of them, each in
    /// the gradient's colour at its radius: finer than print can show. The focus is taken as the centre.
    /// </summary>
    private static void FillRadial(RadialGradientPaint g, XGraphicsPath shape, XGraphics gfx)
    {
        var state = gfx.Save();
        gfx.IntersectClip(shape);
        gfx.MultiplyTransform(Matrix(g.Transform));
        var pad = g.R * 64;
        gfx.DrawEllipse(new XSolidBrush(Opaque(g.Stops[^1].Color)), g.Cx - pad, g.Cy - pad, 2 * pad, 2 * pad);
        for (var k = RadialSteps; k >= 1; k--)
        {
            var t = (double)k / RadialSteps;
            var r = g.R * t;
            gfx.DrawEllipse(new XSolidBrush(Opaque(ColorAt(g.Stops, t - 0.5 / RadialSteps))), g.Cx - r, g.Cy - r, 2 * r, 2 * r);
        }
        gfx.Restore(state);
    }

    private const int RadialSteps = 96;

    private static VectorColor ColorAt(IReadOnlyList<GradientStop> stops, double t)
    {
        if (t <= stops[0].Offset) return stops[0].Color;
        for (var i = 1; i < stops.Count; i++)
        {
            if (t > stops[i].Offset) continue;
            var (a, b) = (stops[i - 1], stops[i]);
            var f = b.Offset > a.Offset ? (t - a.Offset) / (b.Offset - a.Offset) : 1;
            byte Mix(byte x, byte y) => (byte)Math.Round(x + (y - x) * f);
            return new VectorColor(Mix(a.Color.R, b.Color.R), Mix(a.Color.G, b.Color.G), Mix(a.Color.B, b.Color.B), 1);
        }
        return stops[^1].Color;
    }

    private static XPen Pen(VectorStroke stroke)
    {
        var color = stroke.Paint switch
        {
            SolidPaint s => s.Color,
            LinearGradientPaint l => l.Stops[l.Stops.Count / 2].Color,
            RadialGradientPaint r => r.Stops[r.Stops.Count / 2].Color,
            _ => VectorColor.Black,
        };
        var pen = new XPen(Color(color), stroke.Width)
        {
            LineCap = stroke.Cap switch { LineCap.Round => XLineCap.Round, LineCap.Square => XLineCap.Square, _ => XLineCap.Flat },
            LineJoin = stroke.Join switch { LineJoin.Round => XLineJoin.Round, LineJoin.Bevel => XLineJoin.Bevel, _ => XLineJoin.Miter },
            MiterLimit = stroke.MiterLimit,
        };
        if (stroke.Dashes.Count > 0 && stroke.Width > 0)
        {
            // PDFsharp measures dashes in pen widths.
            pen.DashStyle = XDashStyle.Custom;
            pen.DashPattern = stroke.Dashes.Select(d => Math.Max(d, 1e-3) / stroke.Width).ToArray();
            pen.DashOffset = stroke.DashOffset / stroke.Width;
        }
        return pen;
    }

    private static XGraphicsPath Path(VectorPath source, FillRule rule)
    {
        var path = new XGraphicsPath { FillMode = rule == FillRule.EvenOdd ? XFillMode.Alternate : XFillMode.Winding };
        var points = source.Points;
        var p = 0;
        XPoint current = default;
        foreach (var verb in source.Verbs)
        {
            switch (verb)
            {
                case PathVerb.Move:
                    path.StartFigure();
                    current = new XPoint(points[p].X, points[p].Y);
                    p++;
                    break;
                case PathVerb.Line:
                    var next = new XPoint(points[p].X, points[p].Y);
                    path.AddLine(current, next);
                    current = next;
                    p++;
                    break;
                case PathVerb.Cubic:
                    var end = new XPoint(points[p + 2].X, points[p + 2].Y);
                    path.AddBezier(current, new XPoint(points[p].X, points[p].Y), new XPoint(points[p + 1].X, points[p + 1].Y), end);
                    current = end;
                    p += 3;
                    break;
                case PathVerb.Close:
                    path.CloseFigure();
                    break;
            }
        }
        return path;
    }

    private static XMatrix Matrix(Affine a) => new(a.A, a.B, a.C, a.D, a.E, a.F);

    /// <summary>
    /// The print PDF is PDF/X-4 with a CMYK output intent, where device RGB is not allowed in the page content: a
    /// figure's sRGB colour is drawn as the CMYK that the plain under-colour-removal formula gives (K from the
    /// darkest channel), so neutral greys and black print in black ink only, as the body text does.
    /// </summary>
    private static XColor Color(VectorColor c)
    {
        var (r, g, b) = (c.R / 255.0, c.G / 255.0, c.B / 255.0);
        var k = 1 - Math.Max(r, Math.Max(g, b));
        var color = k >= 1
            ? XColor.FromCmyk(0, 0, 0, 1)
            : XColor.FromCmyk((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k);
        if (c.Alpha < 1) color.A = Math.Clamp(c.Alpha, 0, 1);
        return color;
    }

    private static XColor Opaque(VectorColor c) => Color(c with { Alpha = 1 });
}
