namespace GptBook.Policies;

/// <summary>
/// The SVG part of the markup allow-list: which SVG elements and attributes may reach a reader, and which
/// references they may hold. What is not named here never leaves the sanitizer (<see cref="SvgSanitizer"/>). The
/// list is what every output can show the same way: the PDF draws it as vectors, the EPUB and the site embed it.
/// Styling reaches the output only as presentation attributes (a stylesheet inside an inline SVG would style the
/// whole page), and no class survives (the page's own classes would style the figure).
/// </summary>
public static class SvgAllowList
{
    public const string SvgNamespace = "http://www.w3.org/2000/svg";
    public const string XLinkNamespace = "http://www.w3.org/1999/xlink";

    /// <summary>Elements kept, with their allowed attributes besides <see cref="CoreAttributes"/> and <see cref="PresentationAttributes"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Elements { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["svg"] = Set("x", "y", "width", "height", "viewBox", "preserveAspectRatio", "version"),
        ["g"] = Set(),
        ["defs"] = Set(),
        ["symbol"] = Set("viewBox", "preserveAspectRatio", "x", "y", "width", "height", "refX", "refY"),
        ["use"] = Set("href", "x", "y", "width", "height"),
        ["title"] = Set(),
        ["desc"] = Set(),
        ["path"] = Set("d", "pathLength"),
        ["rect"] = Set("x", "y", "width", "height", "rx", "ry"),
        ["circle"] = Set("cx", "cy", "r"),
        ["ellipse"] = Set("cx", "cy", "rx", "ry"),
        ["line"] = Set("x1", "y1", "x2", "y2"),
        ["polyline"] = Set("points"),
        ["polygon"] = Set("points"),
        ["text"] = Set("x", "y", "dx", "dy", "textLength", "lengthAdjust"),
        ["tspan"] = Set("x", "y", "dx", "dy"),
        ["linearGradient"] = Set("x1", "y1", "x2", "y2", "gradientUnits", "gradientTransform", "spreadMethod", "href"),
        ["radialGradient"] = Set("cx", "cy", "r", "fx", "fy", "fr", "gradientUnits", "gradientTransform", "spreadMethod", "href"),
        ["stop"] = Set("offset"),
        ["clipPath"] = Set("clipPathUnits"),
        ["marker"] = Set("viewBox", "preserveAspectRatio", "refX", "refY", "markerWidth", "markerHeight", "markerUnits", "orient"),
        ["image"] = Set("x", "y", "width", "height", "href", "preserveAspectRatio"),
    };

    /// <summary>Allowed on every kept element.</summary>
    public static IReadOnlySet<string> CoreAttributes { get; } = Set("id", "lang", "transform");

    /// <summary>Styling properties, allowed as attributes (and taken from style attributes and stylesheets).</summary>
    public static IReadOnlySet<string> PresentationAttributes { get; } = Set(
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "display", "visibility", "color", "clip-path",
        "clip-rule", "marker-start", "marker-mid", "marker-end", "font-family", "font-size", "font-weight", "font-style",
        "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
        "text-decoration", "stop-color", "stop-opacity", "shape-rendering", "text-rendering", "white-space");

    /// <summary>Presentation attributes whose value may name another element of the document, as <c>url(#id)</c>.</summary>
    public static IReadOnlySet<string> ReferencingProperties { get; } = Set("fill", "stroke", "clip-path", "marker-start", "marker-mid", "marker-end");

    /// <summary>
    /// Elements whose content is shown although the element itself is not kept: a link's graphics stay (as
    /// graphics, without the link), and of a switch only its first child is drawn, as renderers without its
    /// conditions would.
    /// </summary>
    public static IReadOnlySet<string> Unwrapped { get; } = Set("a", "switch");

    /// <summary>
    /// Elements that could run code, load something or host foreign content: removed with everything inside and
    /// reported as unsafe. Any other element not in <see cref="Elements"/> is removed as unsupported.
    /// </summary>
    public static IReadOnlySet<string> Unsafe { get; } = Set(
        "script", "foreignObject", "handler", "listener", "iframe", "embed", "object", "audio", "video", "animate", "set",
        "animateTransform", "animateMotion", "animateColor", "discard", "feImage", "cursor", "font-face-uri");

    /// <summary>The only bitmaps an &lt;image&gt; may carry: inline PNG or JPEG data, nothing fetched.</summary>
    public static IReadOnlyList<string> EmbeddedBitmapPrefixes { get; } = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/jpg;base64,"];

    /// <summary>Whether <paramref name="name"/> may be an attribute of <paramref name="element"/>.</summary>
    public static bool IsAllowedAttribute(string element, string name) =>
        CoreAttributes.Contains(name) || PresentationAttributes.Contains(name) || Elements.TryGetValue(element, out var own) && own.Contains(name);

    /// <summary>
    /// Whether a reference (an href, or the target in <c>url(…)</c>) is allowed: a fragment naming an element of the
    /// same document, or, for an &lt;image&gt;, inline PNG or JPEG data.
    /// </summary>
    public static bool IsAllowedReference(string element, string reference)
    {
        var value = reference.Trim();
        if (value.Length > 1 && value[0] == '#') return value.Skip(1).All(IsIdCharacter);
        return element == "image" && EmbeddedBitmapPrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            && value.Skip(value.IndexOf(',') + 1).All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or ' ' or '\n' or '\r' or '\t');
    }

    private static bool IsIdCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':';

    private static IReadOnlySet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);
}
