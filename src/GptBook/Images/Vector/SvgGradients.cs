using System.Xml.Linq;
using GptBook.Policies;

namespace GptBook.Images.Vector;

/// <summary>A gradient's stops and how to make its paint with recoloured stops (after opacity is applied).</summary>
internal readonly record struct ResolvedGradient(IReadOnlyList<GradientStop> Stops, Func<IReadOnlyList<GradientStop>, VectorPaint> Paint);

/// <summary>
/// Linear and radial gradients: attributes and stops inherited along href chains, objectBoundingBox or
/// userSpaceOnUse units, gradientTransform. Spread methods other than pad are drawn as pad. A gradient with one
/// stop is that colour; one without stops paints nothing.
/// </summary>
internal static class SvgGradients
{
    private static readonly XNamespace Svg = SvgAllowList.SvgNamespace;
    private static readonly XNamespace XLink = SvgAllowList.XLinkNamespace;

    public static ResolvedGradient? Resolve(XElement server, (double X, double Y, double Width, double Height) bounds,
        IReadOnlyDictionary<string, XElement> ids, Func<XElement, string, SvgDrawingReader.Axis, double?> userLength,
        (double Width, double Height, double Diagonal) viewport)
    {
        var kind = server.Name.LocalName;
        if (kind is not ("linearGradient" or "radialGradient")) return null;
        var chain = new List<XElement> { server };
        while (chain.Count < 8 && (string?)chain[^1].Attribute(XLink + "href") is { Length: > 1 } href && href[0] == '#'
               && ids.TryGetValue(href[1..], out var next) && !chain.Contains(next) && next.Name.LocalName is "linearGradient" or "radialGradient")
            chain.Add(next);

        string? Attr(string name) => chain.Select(e => (string?)e.Attribute(name)).FirstOrDefault(v => v != null);
        var stops = Stops(chain.FirstOrDefault(e => e.Elements(Svg + "stop").Any()));
        if (stops.Count == 0) return null;
        if (stops.Count == 1) return new ResolvedGradient(stops, s => new SolidPaint(s[0].Color));

        var boundingBox = Attr("gradientUnits") != "userSpaceOnUse";
        if (boundingBox && (bounds.Width <= 0 || bounds.Height <= 0)) return null; // SVG: no paint on a zero-size box
        var transform = boundingBox ? Affine.Translate(bounds.X, bounds.Y) * Affine.Scale(bounds.Width, bounds.Height) : Affine.Identity;
        transform *= SvgTransformList.Parse(Attr("gradientTransform"));
        if (!transform.IsFinite || transform.Determinant == 0) return new ResolvedGradient(stops, s => new SolidPaint(s[^1].Color));

        double Coordinate(string name, SvgDrawingReader.Axis axis, double fallback)
        {
            var value = Attr(name);
            if (value == null) return fallback;
            if (boundingBox) return SvgStyle.Number(value) ?? fallback;
            var owner = chain.First(e => e.Attribute(name) != null);
            return userLength(owner, name, axis) ?? fallback;
        }

        if (kind == "linearGradient")
        {
            var (x1, y1) = (Coordinate("x1", SvgDrawingReader.Axis.X, 0), Coordinate("y1", SvgDrawingReader.Axis.Y, 0));
            var (x2, y2) = (Coordinate("x2", SvgDrawingReader.Axis.X, boundingBox ? 1 : viewport.Width), Coordinate("y2", SvgDrawingReader.Axis.Y, 0));
            return new ResolvedGradient(stops, s => x1 == x2 && y1 == y2 ? new SolidPaint(s[^1].Color) : new LinearGradientPaint(x1, y1, x2, y2, s, transform));
        }
        var cx = Coordinate("cx", SvgDrawingReader.Axis.X, boundingBox ? 0.5 : viewport.Width / 2);
        var cy = Coordinate("cy", SvgDrawingReader.Axis.Y, boundingBox ? 0.5 : viewport.Height / 2);
        var r = Coordinate("r", SvgDrawingReader.Axis.Other, boundingBox ? 0.5 : viewport.Diagonal / 2);
        var fx = Coordinate("fx", SvgDrawingReader.Axis.X, cx);
        var fy = Coordinate("fy", SvgDrawingReader.Axis.Y, cy);
        return new ResolvedGradient(stops, s => r <= 0 ? new SolidPaint(s[^1].Color) : new RadialGradientPaint(cx, cy, r, fx, fy, s, transform));
    }

    /// <summary>Offsets clamped to [0, 1] and never decreasing, colours with their stop-opacity.</summary>
    private static List<GradientStop> Stops(XElement? gradient)
    {
        var stops = new List<GradientStop>();
        if (gradient == null) return stops;
        var last = 0.0;
        foreach (var stop in gradient.Elements(Svg + "stop"))
        {
            var offset = Math.Max(last, Math.Clamp(SvgStyle.Number((string?)stop.Attribute("offset")) ?? 0, 0, 1));
            var color = SvgColors.Parse((string?)stop.Attribute("stop-color")) ?? VectorColor.Black;
            var opacity = Math.Clamp(SvgStyle.Number((string?)stop.Attribute("stop-opacity")) ?? 1, 0, 1);
            stops.Add(new GradientStop(offset, color.WithAlpha(opacity)));
            last = offset;
        }
        return stops;
    }
}
