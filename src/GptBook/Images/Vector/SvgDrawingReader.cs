using System.Xml;
using System.Xml.Linq;
using GptBook.Fonts;
using GptBook.Policies;

namespace GptBook.Images.Vector;

/// <summary>
/// Reads a prepared (sanitized) SVG into a <see cref="VectorDrawing"/>: the elements of <see cref="SvgAllowList"/>,
/// with transforms, inherited styling, fills and strokes with opacity, linear and radial gradients, clip paths,
/// markers, use and symbol, text in the bundled faces (through the same fallback chain as the body text) and
/// embedded PNG/JPEG bitmaps. Input that would expand without bound (use chains, markers on markers) stops at
/// <see cref="MaxItems"/> items or at a reference cycle.
/// </summary>
public sealed class SvgDrawingReader
{
    public const int MaxItems = 100_000;
    private const int MaxReferenceDepth = 16;

    private static readonly XNamespace Svg = SvgAllowList.SvgNamespace;
    private static readonly XNamespace XLink = SvgAllowList.XLinkNamespace;

    private readonly ITextMeasurer _measurer;
    private readonly Dictionary<string, XElement> _ids = new(StringComparer.Ordinal);
    private readonly List<VectorItem> _items = [];
    private readonly List<XElement> _referencing = [];
    private readonly Dictionary<XElement, SvgStyle> _ownStyles = [];
    private double _viewWidth, _viewHeight, _diagonal;

    private SvgDrawingReader(ITextMeasurer measurer) => _measurer = measurer;

    /// <summary>Whether the drawing stopped at <see cref="MaxItems"/>.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The drawing of a prepared SVG file's bytes; null when they are not an SVG document.</summary>
    public static VectorDrawing? Read(byte[] svg, ITextMeasurer measurer)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }
        return document.Root is { } root && root.Name == Svg + "svg" ? new SvgDrawingReader(measurer).ReadRoot(root) : null;
    }

    private VectorDrawing ReadRoot(XElement root)
    {
        foreach (var e in root.DescendantsAndSelf())
            if ((string?)e.Attribute("id") is { Length: > 0 } id) _ids.TryAdd(id, e);
        var (width, height) = SvgSanitizer.IntrinsicSize(root);
        var viewBox = SvgNumbers.List((string?)root.Attribute("viewBox"));
        var hasViewBox = viewBox.Count == 4 && viewBox[2] > 0 && viewBox[3] > 0;
        (_viewWidth, _viewHeight) = hasViewBox ? (viewBox[2], viewBox[3]) : (width, height);
        _diagonal = Math.Sqrt((_viewWidth * _viewWidth + _viewHeight * _viewHeight) / 2);
        var ctm = hasViewBox ? ViewBoxTransform(viewBox, (string?)root.Attribute("preserveAspectRatio"), width, height) : Affine.Identity;
        var style = SvgStyle.Initial.Derive(root, _diagonal);
        ctm *= SvgTransformList.Parse((string?)root.Attribute("transform"));
        RenderChildren(root, style, ctm, []);
        return new VectorDrawing(width, height, _items);
    }

    private void RenderChildren(XElement parent, SvgStyle style, Affine ctm, IReadOnlyList<VectorClip> clips)
    {
        foreach (var child in parent.Elements())
        {
            if (Truncated) return;
            Render(child, style, ctm, clips);
        }
    }

    private void Render(XElement e, SvgStyle parentStyle, Affine ctm, IReadOnlyList<VectorClip> clips)
    {
        if (e.Name.Namespace != Svg || (string?)e.Attribute("display") == "none") return;
        var name = e.Name.LocalName;
        if (name is "defs" or "symbol" or "clipPath" or "marker" or "linearGradient" or "radialGradient" or "title" or "desc" or "stop") return;
        var style = parentStyle.Derive(e, _diagonal);
        var transform = ctm * SvgTransformList.Parse((string?)e.Attribute("transform"));
        if (!transform.IsFinite || transform.Determinant == 0) return;
        switch (name)
        {
            case "g":
            case "svg":
                RenderChildren(e, style, transform, WithClip(e, style, transform, clips, null));
                break;
            case "use":
                RenderUse(e, style, transform, clips);
                break;
            case "text":
                var textClips = WithClip(e, style, transform, clips, null);
                foreach (var run in SvgTextLayout.Lay(e, style, _measurer, LengthValue, (el, st) => st.Derive(el, _diagonal)))
                    if (ResolveColor((run.Style.Fill, run.Style.Color), run.Style.FillOpacity * run.Style.Opacity) is { } color)
                        Add(new VectorText(run.Text, run.Face, run.Size, run.X, run.Y, color, transform, textClips));
                break;
            case "image":
                RenderImage(e, style, transform, clips);
                break;
            default:
                RenderShape(e, name, style, transform, clips);
                break;
        }
    }

    private void RenderShape(XElement e, string name, SvgStyle style, Affine transform, IReadOnlyList<VectorClip> clips)
    {
        var path = SvgShapes.Geometry(e, name, style, Length);
        if (path == null || path.IsEmpty) return;
        var bounds = path.Bounds();
        var shapeClips = WithClip(e, style, transform, clips, bounds);
        if (style.Visible)
        {
            var fill = name == "line" ? null : ResolvePaint(style.Fill, style, style.FillOpacity * style.Opacity, bounds);
            var strokePaint = style.StrokeWidth > 0 ? ResolvePaint(style.Stroke, style, style.StrokeOpacity * style.Opacity, bounds) : null;
            var stroke = strokePaint == null ? null : new VectorStroke(strokePaint, style.StrokeWidth, style.LineCap, style.LineJoin, style.MiterLimit, Dashes(style), style.DashOffset);
            if (fill != null || stroke != null) Add(new VectorShape(path, style.FillRule, fill, stroke, transform, shapeClips));
        }
        if (name is "path" or "line" or "polyline" or "polygon" && (style.MarkerStart ?? style.MarkerMid ?? style.MarkerEnd) != null)
            RenderMarkers(path, style, transform, shapeClips);
    }

    private IReadOnlyList<double> Dashes(SvgStyle style)
    {
        if (style.DashArray is "none" or "") return [];
        var values = style.DashArray.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(v => SvgStyle.Length(v, style.FontSize, _diagonal) ?? -1).ToList();
        if (values.Any(v => v < 0) || values.Sum() <= 0) return [];
        return values.Count % 2 == 1 ? [.. values, .. values] : values;
    }

    private void RenderUse(XElement use, SvgStyle style, Affine transform, IReadOnlyList<VectorClip> clips)
    {
        var target = Target(use);
        if (target == null || !Enter(target)) return;
        try
        {
            var x = Length(use, "x", style, Axis.X) ?? 0;
            var y = Length(use, "y", style, Axis.Y) ?? 0;
            var placed = transform * Affine.Translate(x, y);
            var useClips = WithClip(use, style, transform, clips, null);
            if (target.Name.LocalName == "symbol")
            {
                var symbolStyle = style.Derive(target, _diagonal);
                var width = Length(use, "width", style, Axis.X) ?? Length(target, "width", style, Axis.X) ?? _viewWidth;
                var height = Length(use, "height", style, Axis.Y) ?? Length(target, "height", style, Axis.Y) ?? _viewHeight;
                var viewBox = SvgNumbers.List((string?)target.Attribute("viewBox"));
                if (viewBox.Count == 4 && viewBox[2] > 0 && viewBox[3] > 0)
                    placed *= ViewBoxTransform(viewBox, (string?)target.Attribute("preserveAspectRatio"), width, height);
                RenderChildren(target, symbolStyle, placed, useClips);
            }
            else Render(target, style, placed, useClips);
        }
        finally
        {
            _referencing.RemoveAt(_referencing.Count - 1);
        }
    }

    private void RenderMarkers(VectorPath path, SvgStyle style, Affine transform, IReadOnlyList<VectorClip> clips)
    {
        var vertices = path.Vertices();
        for (var i = 0; i < vertices.Count; i++)
        {
            var reference = i == 0 ? style.MarkerStart : i == vertices.Count - 1 ? style.MarkerEnd : style.MarkerMid;
            if (reference == null || ReferencedElement(reference) is not { } marker || marker.Name.LocalName != "marker") continue;
            var v = vertices[i];
            var bisector = i == 0 ? v.Out : i == vertices.Count - 1 ? v.In : Bisect(v.In, v.Out);
            var orient = ((string?)marker.Attribute("orient") ?? "0").Trim();
            var angle = orient switch
            {
                "auto" => bisector * 180 / Math.PI,
                "auto-start-reverse" => bisector * 180 / Math.PI + (i == 0 ? 180 : 0),
                _ => SvgStyle.Number(orient.Replace("deg", "")) ?? 0,
            };
            RenderMarker(marker, v.X, v.Y, angle, style.StrokeWidth, transform, clips);
        }
    }

    private static double Bisect(double a, double b)
    {
        var d = b - a;
        while (d > Math.PI) d -= 2 * Math.PI;
        while (d < -Math.PI) d += 2 * Math.PI;
        return a + d / 2;
    }

    private void RenderMarker(XElement marker, double x, double y, double angle, double strokeWidth, Affine transform, IReadOnlyList<VectorClip> clips)
    {
        if (!Enter(marker)) return;
        try
        {
            var style = StyleOf(marker);
            var width = Length(marker, "markerWidth", style, Axis.X) ?? 3;
            var height = Length(marker, "markerHeight", style, Axis.Y) ?? 3;
            var scale = (string?)marker.Attribute("markerUnits") == "userSpaceOnUse" ? 1 : strokeWidth;
            var viewBox = SvgNumbers.List((string?)marker.Attribute("viewBox"));
            var content = viewBox.Count == 4 && viewBox[2] > 0 && viewBox[3] > 0
                ? ViewBoxTransform(viewBox, (string?)marker.Attribute("preserveAspectRatio"), width, height)
                : Affine.Identity;
            var (refX, refY) = content.Apply(Length(marker, "refX", style, Axis.X) ?? 0, Length(marker, "refY", style, Axis.Y) ?? 0);
            var placed = transform * Affine.Translate(x, y) * Affine.Rotate(angle) * Affine.Scale(scale, scale) * Affine.Translate(-refX, -refY) * content;
            if (placed.IsFinite && placed.Determinant != 0) RenderChildren(marker, style, placed, clips);
        }
        finally
        {
            _referencing.RemoveAt(_referencing.Count - 1);
        }
    }

    private void RenderImage(XElement e, SvgStyle style, Affine transform, IReadOnlyList<VectorClip> clips)
    {
        if (!style.Visible || (string?)e.Attribute(XLink + "href") is not { } href || !href.StartsWith("data:", StringComparison.Ordinal)) return;
        byte[] data;
        try
        {
            data = Convert.FromBase64String(href[(href.IndexOf(',') + 1)..]);
        }
        catch (FormatException)
        {
            return;
        }
        var info = SixLabors.ImageSharp.Image.Identify(ImageDecoding.Configuration, data, out _);
        if (info == null || info.Width <= 0 || info.Height <= 0) return;
        var x = Length(e, "x", style, Axis.X) ?? 0;
        var y = Length(e, "y", style, Axis.Y) ?? 0;
        var width = Length(e, "width", style, Axis.X) ?? info.Width;
        var height = Length(e, "height", style, Axis.Y) ?? info.Height;
        if (width <= 0 || height <= 0) return;
        var place = Affine.Translate(x, y) * ViewBoxTransform([0, 0, info.Width, info.Height], (string?)e.Attribute("preserveAspectRatio"), width, height);
        var imageClips = WithClip(e, style, transform, clips, (x, y, width, height));
        // A sliced image is cut to its viewport.
        if (((string?)e.Attribute("preserveAspectRatio") ?? "").Contains("slice", StringComparison.Ordinal))
            imageClips = [.. imageClips, new VectorClip(Rectangle(x, y, width, height, transform), FillRule.NonZero)];
        Add(new VectorBitmap(data, 0, 0, info.Width, info.Height, transform * place, imageClips));
    }

    /// <summary>The clips so far plus the element's own clip-path (in viewport coordinates), if it has one.</summary>
    private IReadOnlyList<VectorClip> WithClip(XElement e, SvgStyle style, Affine transform, IReadOnlyList<VectorClip> clips,
        (double X, double Y, double Width, double Height)? bounds)
    {
        if ((string?)e.Attribute("clip-path") is not { } reference || ReferencedElement(reference) is not { } clip || clip.Name.LocalName != "clipPath")
            return clips;
        if (!Enter(clip)) return clips;
        try
        {
            var space = transform * SvgTransformList.Parse((string?)clip.Attribute("transform"));
            if ((string?)clip.Attribute("clipPathUnits") == "objectBoundingBox")
            {
                if (bounds is not { } b || b.Width <= 0 || b.Height <= 0) return clips;
                space *= Affine.Translate(b.X, b.Y) * Affine.Scale(b.Width, b.Height);
            }
            var path = new VectorPath();
            var rule = FillRule.NonZero;
            var clipStyle = StyleOf(clip);
            foreach (var child in clip.Elements())
            {
                var name = child.Name.LocalName;
                var target = name == "use" ? Target(child) : child;
                if (target == null || (string?)target.Attribute("display") == "none") continue;
                var childStyle = clipStyle.Derive(child, _diagonal);
                var childTransform = space * SvgTransformList.Parse((string?)child.Attribute("transform"));
                if (name == "use")
                {
                    childTransform *= Affine.Translate(Length(child, "x", childStyle, Axis.X) ?? 0, Length(child, "y", childStyle, Axis.Y) ?? 0);
                    childStyle = childStyle.Derive(target, _diagonal);
                    childTransform *= SvgTransformList.Parse((string?)target.Attribute("transform"));
                }
                var geometry = SvgShapes.Geometry(target, target.Name.LocalName, childStyle, Length);
                if (geometry == null) continue;
                path.Append(geometry, childTransform);
                rule = childStyle.ClipRule;
            }
            // An empty clip path hides the element entirely.
            return [.. clips, new VectorClip(path, rule)];
        }
        finally
        {
            _referencing.RemoveAt(_referencing.Count - 1);
        }
    }

    private static VectorPath Rectangle(double x, double y, double width, double height, Affine transform)
    {
        var local = new VectorPath();
        local.MoveTo(x, y);
        local.LineTo(x + width, y);
        local.LineTo(x + width, y + height);
        local.LineTo(x, y + height);
        local.Close();
        var path = new VectorPath();
        path.Append(local, transform);
        return path;
    }

    private VectorPaint? ResolvePaint(string spec, SvgStyle style, double opacity, (double X, double Y, double Width, double Height) bounds)
    {
        var value = spec.Trim();
        if (value is "none" or "") return null;
        if (value.StartsWith("url(", StringComparison.Ordinal))
        {
            var close = value.IndexOf(')');
            var fallback = close > 0 ? value[(close + 1)..].Trim() : "";
            if (close > 0 && ReferencedElement(value[..(close + 1)]) is { } server && Enter(server))
            {
                try
                {
                    var gradient = SvgGradients.Resolve(server, bounds, _ids, (el, attr, axis) => Length(el, attr, style, axis), (_viewWidth, _viewHeight, _diagonal));
                    if (gradient != null)
                    {
                        var colored = gradient.Value.Stops.Select(s => s with { Color = s.Color.WithAlpha(opacity) }).ToList();
                        return gradient.Value.Paint(colored);
                    }
                }
                finally
                {
                    _referencing.RemoveAt(_referencing.Count - 1);
                }
            }
            return fallback.Length > 0 ? ResolvePaint(fallback, style, opacity, bounds) : null;
        }
        return ResolveColor(value, opacity, style) is { } color ? new SolidPaint(color) : null;
    }

    private static VectorColor? ResolveColor(string value, double opacity, SvgStyle? style = null)
    {
        var spec = value.Trim();
        if (spec == "currentColor") spec = style?.Color ?? "black";
        if (spec is "none" or "") return null;
        return SvgColors.Parse(spec)?.WithAlpha(opacity);
    }

    private VectorColor? ResolveColor((string Spec, string CurrentColor) fill, double opacity) =>
        ResolveColor(fill.Spec.StartsWith("url(", StringComparison.Ordinal) ? GradientStandIn(fill.Spec) : fill.Spec, opacity,
            SvgStyle.Initial with { Color = fill.CurrentColor });

    /// <summary>Text filled with a gradient is drawn in the gradient's middle stop colour.</summary>
    private string GradientStandIn(string spec)
    {
        var close = spec.IndexOf(')');
        if (close > 0 && ReferencedElement(spec[..(close + 1)]) is { } server
            && SvgGradients.Resolve(server, (0, 0, 1, 1), _ids, (_, _, _) => null, (_viewWidth, _viewHeight, _diagonal)) is { } gradient && gradient.Stops.Count > 0)
        {
            var c = gradient.Stops[gradient.Stops.Count / 2].Color;
            return $"#{c.R:x2}{c.G:x2}{c.B:x2}";
        }
        return close > 0 && close + 1 < spec.Length ? spec[(close + 1)..] : "black";
    }

    private void Add(VectorItem item)
    {
        if (_items.Count >= MaxItems)
        {
            Truncated = true;
            return;
        }
        _items.Add(item);
    }

    /// <summary>Guards against reference cycles and unbounded nesting (a use of a group using the use, markers on marker paths).</summary>
    private bool Enter(XElement target)
    {
        if (_referencing.Contains(target) || _referencing.Count >= MaxReferenceDepth) return false;
        _referencing.Add(target);
        return true;
    }

    private XElement? Target(XElement e) =>
        (string?)e.Attribute(XLink + "href") is { Length: > 1 } href && href[0] == '#' && _ids.TryGetValue(href[1..], out var target) ? target : null;

    private XElement? ReferencedElement(string reference)
    {
        var v = reference.Trim();
        if (!v.StartsWith("url(", StringComparison.Ordinal)) return null;
        var id = v[4..].TrimEnd(')').Trim().Trim('\'', '"').Trim();
        return id.StartsWith('#') && _ids.TryGetValue(id[1..], out var e) ? e : null;
    }

    /// <summary>The computed style of an element from the root down its ancestors (for markers and clip paths, whose
    /// content inherits from where they are defined, not from where they are used).</summary>
    private SvgStyle StyleOf(XElement e)
    {
        if (_ownStyles.TryGetValue(e, out var cached)) return cached;
        var style = e.Parent is { } parent ? StyleOf(parent).Derive(e, _diagonal) : SvgStyle.Initial.Derive(e, _diagonal);
        return _ownStyles[e] = style;
    }

    internal enum Axis { X, Y, Other }

    private double? Length(XElement e, string attribute, SvgStyle style, Axis axis) => LengthValue((string?)e.Attribute(attribute), style, axis);

    /// <summary>A length in user units; a percentage is of the viewport's width (x), height (y) or normalized diagonal.</summary>
    private double? LengthValue(string? value, SvgStyle style, Axis axis) =>
        SvgStyle.Length(value, style.FontSize, _diagonal, axis switch { Axis.X => _viewWidth, Axis.Y => _viewHeight, _ => null });

    /// <summary>Maps a viewBox onto a viewport of <paramref name="width"/> × <paramref name="height"/> as preserveAspectRatio says.</summary>
    internal static Affine ViewBoxTransform(IReadOnlyList<double> viewBox, string? preserveAspectRatio, double width, double height)
    {
        var sx = width / viewBox[2];
        var sy = height / viewBox[3];
        var parts = (preserveAspectRatio ?? "xMidYMid meet").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var align = parts.Length > 0 ? parts[0] : "xMidYMid";
        if (align == "none") return Affine.Scale(sx, sy) * Affine.Translate(-viewBox[0], -viewBox[1]);
        var slice = parts.Length > 1 && parts[1] == "slice";
        var s = slice ? Math.Max(sx, sy) : Math.Min(sx, sy);
        var extraX = width - viewBox[2] * s;
        var extraY = height - viewBox[3] * s;
        var tx = align.Contains("xMid", StringComparison.Ordinal) ? extraX / 2 : align.Contains("xMax", StringComparison.Ordinal) ? extraX : 0;
        var ty = align.Contains("YMid", StringComparison.Ordinal) ? extraY / 2 : align.Contains("YMax", StringComparison.Ordinal) ? extraY : 0;
        return Affine.Translate(tx, ty) * Affine.Scale(s, s) * Affine.Translate(-viewBox[0], -viewBox[1]);
    }
}
