using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace GptBook.Policies;

/// <summary>
/// Makes an SVG safe to put in front of a reader by rebuilding it from what <see cref="SvgAllowList"/> names: a
/// new document receives the allowed elements, their allowed attributes with checked values, and the text of
/// text, title and desc; nothing else is copied. Styling from style attributes and &lt;style&gt; sheets is resolved
/// into presentation attributes (<see cref="SvgStyleRules"/>), so no CSS and no class reaches the output. DTDs are
/// never processed (no entity expansion, nothing external), comments and processing instructions are dropped, and a
/// document that isn't well-formed XML with an svg root is refused. Hostile or huge input is bounded:
/// <see cref="MaxElements"/> elements, <see cref="MaxDepth"/> levels.
/// </summary>
public static partial class SvgSanitizer
{
    public const int MaxElements = 20_000;
    public const int MaxDepth = 48;

    private static readonly XNamespace Svg = SvgAllowList.SvgNamespace;
    private static readonly XNamespace XLink = SvgAllowList.XLinkNamespace;
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Attributes that change what is drawn but that no output can show the same way: their loss is reported.</summary>
    private static readonly HashSet<string> VisibleUnsupported = new(StringComparer.Ordinal) { "filter", "mask", "writing-mode", "paint-order" };

    public static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.Ordinal);
    }

    /// <summary>The sanitized document, or null with <paramref name="error"/> saying why it cannot be used at all.</summary>
    public static SanitizedSvg? Sanitize(byte[] bytes, out string? error)
    {
        error = null;
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            error = "SVG is not well-formed XML: " + e.Message;
            return null;
        }
        if (document.Root is not { } root || root.Name != Svg + "svg")
        {
            error = "not an SVG document (the root element is not svg)";
            return null;
        }
        var clean = Sanitize(root, out var report);
        var (width, height) = IntrinsicSize(clean);
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            new XDocument(clean).Save(writer);
        return new SanitizedSvg(output.ToArray(), width, height, report);
    }

    /// <summary>
    /// Sanitizes an svg element (a whole document's root, or an &lt;svg&gt; inside HTML) into a new element; what was
    /// left out is in <paramref name="report"/>.
    /// </summary>
    public static XElement Sanitize(XElement root, out SvgSanitizerReport report)
    {
        var state = new State();
        foreach (var style in root.Descendants(Svg + "style"))
            state.Rules.Add(style.Value);
        foreach (var skipped in state.Rules.Skipped) state.Unsupported.Add("stylesheet " + skipped);
        var clean = new XElement(Svg + "svg", new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName));
        CopyAttributes(root, clean, [], state);
        CopyChildren(root, clean, [new SvgStyleRules.StyledAncestor("svg", (string?)root.Attribute("id"), Classes(root))], 1, state);
        report = new SvgSanitizerReport(state.Unsafe.ToArray(), state.Unsupported.ToArray(), state.Truncated);
        return clean;
    }

    private static void CopyChildren(XElement source, XElement target, List<SvgStyleRules.StyledAncestor> ancestors, int depth, State state)
    {
        var keepText = target.Name.LocalName is "text" or "tspan" or "title" or "desc";
        foreach (var node in source.Nodes())
        {
            switch (node)
            {
                case XText text when keepText:
                    target.Add(new XText(text.Value));
                    break;
                case XElement element:
                    CopyElement(element, target, ancestors, depth, state);
                    break;
            }
        }
    }

    private static void CopyElement(XElement element, XElement target, List<SvgStyleRules.StyledAncestor> ancestors, int depth, State state)
    {
        var name = element.Name.LocalName;
        if (element.Name.Namespace != Svg)
        {
            // Editors' own elements (Inkscape, Sodipodi, RDF metadata) are inert and invisible; HTML inside SVG is not.
            if (element.Name.Namespace == Xhtml || element.Name.Namespace == XNamespace.None) state.Unsafe.Add($"<{name}>");
            return;
        }
        if (SvgAllowList.Unsafe.Contains(name))
        {
            state.Unsafe.Add($"<{name}>");
            return;
        }
        if (name is "style" or "metadata") return; // styles are applied as attributes; metadata is never shown
        if (depth >= MaxDepth || ++state.Elements > MaxElements)
        {
            state.Truncated = true;
            return;
        }
        if (SvgAllowList.Unwrapped.Contains(name))
        {
            if (name == "a" && Reference(element) is { } href && !IsFragment(href)) state.Unsafe.Add("<a href>");
            var children = name == "switch" ? element.Elements().Take(1) : element.Elements();
            foreach (var child in children) CopyElement(child, target, ancestors, depth, state);
            if (name == "a") CopyChildrenText(element, target);
            return;
        }
        if (!SvgAllowList.Elements.ContainsKey(name))
        {
            state.Unsupported.Add($"<{name}>");
            return;
        }
        var clean = new XElement(Svg + name);
        CopyAttributes(element, clean, ancestors, state);
        target.Add(clean);
        ancestors.Add(new SvgStyleRules.StyledAncestor(name, (string?)element.Attribute("id"), Classes(element)));
        CopyChildren(element, clean, ancestors, depth + 1, state);
        ancestors.RemoveAt(ancestors.Count - 1);
    }

    /// <summary>The text directly inside an unwrapped link in a text element stays text.</summary>
    private static void CopyChildrenText(XElement link, XElement target)
    {
        if (target.Name.LocalName is not ("text" or "tspan")) return;
        foreach (var text in link.Nodes().OfType<XText>()) target.Add(new XText(text.Value));
    }

    private static void CopyAttributes(XElement source, XElement target, IReadOnlyList<SvgStyleRules.StyledAncestor> ancestors, State state)
    {
        var element = source.Name.LocalName;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? style = null;
        foreach (var attribute in source.Attributes())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            var ns = attribute.Name.Namespace;
            var local = attribute.Name.LocalName;
            if (ns == XNamespace.Xml)
            {
                if (local is "space" or "lang") target.SetAttributeValue(attribute.Name, attribute.Value);
                continue;
            }
            if (local.StartsWith("on", StringComparison.OrdinalIgnoreCase) && (ns == XNamespace.None || ns == Svg))
            {
                state.Unsafe.Add(local + "=");
                continue;
            }
            if (ns == XLink && local == "href" || ns == XNamespace.None && local == "href")
            {
                if (!SvgAllowList.IsAllowedAttribute(element, "href")) continue;
                if (SvgAllowList.IsAllowedReference(element, attribute.Value)) values["href"] = attribute.Value.Trim();
                else state.Unsafe.Add($"href=\"{Shorten(attribute.Value)}\"");
                continue;
            }
            if (ns != XNamespace.None) continue; // editors' attributes, xlink:title and the like: inert, not kept
            if (local == "style")
            {
                style = attribute.Value;
                continue;
            }
            if (local == "class") continue;
            if (SvgAllowList.IsAllowedAttribute(element, local)) values[local] = attribute.Value;
            else if (VisibleUnsupported.Contains(local)) state.Unsupported.Add(local + "=");
        }

        // The cascade, lowest first: presentation attributes, stylesheet rules, the style attribute.
        var declarations = state.Rules.IsEmpty
            ? []
            : state.Rules.Matching(element, (string?)source.Attribute("id"), Classes(source), ancestors).ToList();
        if (style != null) declarations.AddRange(SvgStyleRules.ParseDeclarations(style));
        foreach (var (property, value) in declarations)
        {
            if (SvgAllowList.PresentationAttributes.Contains(property)) values[property] = value;
            else if (VisibleUnsupported.Contains(property)) state.Unsupported.Add(property + ":");
        }

        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (name == "href")
            {
                target.SetAttributeValue(XLink + "href", value);
                continue;
            }
            if (!IsSafeValue(name, value))
            {
                state.Unsafe.Add($"{name}=\"{Shorten(value)}\"");
                continue;
            }
            target.SetAttributeValue(name, value);
        }
    }

    /// <summary>
    /// A value may not hide code or reach outside: no <c>javascript:</c> (however spelled), no CSS escapes or
    /// expressions, and <c>url(…)</c> only in properties that reference, and only to a fragment.
    /// </summary>
    private static bool IsSafeValue(string name, string value)
    {
        var squeezed = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (squeezed.Contains("script:", StringComparison.OrdinalIgnoreCase) || squeezed.Contains('\\')
            || squeezed.Contains("expression(", StringComparison.OrdinalIgnoreCase) || squeezed.Contains('<') || squeezed.Contains('>'))
            return false;
        var urls = UrlFunction().Matches(value);
        if (urls.Count == 0) return !squeezed.Contains("url(", StringComparison.OrdinalIgnoreCase);
        return SvgAllowList.ReferencingProperties.Contains(name) && urls.All(m => IsFragment(m.Groups[1].Value));
    }

    private static bool IsFragment(string reference) => SvgAllowList.IsAllowedReference("", reference);

    private static string? Reference(XElement element) => (string?)element.Attribute(XLink + "href") ?? (string?)element.Attribute("href");

    private static IReadOnlyList<string> Classes(XElement element) =>
        ((string?)element.Attribute("class") ?? "").Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"url\(\s*['""]?\s*([^'"")\s]*)\s*['""]?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlFunction();

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "…";

    /// <summary>The intrinsic size in CSS pixels: width/height when absolute, else the viewBox, else 300×150.</summary>
    public static (int Width, int Height) IntrinsicSize(XElement root)
    {
        var viewBox = SvgNumbers.List((string?)root.Attribute("viewBox"));
        var hasViewBox = viewBox.Count == 4 && viewBox[2] > 0 && viewBox[3] > 0;
        var width = SvgNumbers.AbsoluteLength((string?)root.Attribute("width"));
        var height = SvgNumbers.AbsoluteLength((string?)root.Attribute("height"));
        // One side given with a viewBox: the other follows the viewBox's proportions.
        if (hasViewBox && width != null && height == null) height = width * viewBox[3] / viewBox[2];
        if (hasViewBox && height != null && width == null) width = height * viewBox[2] / viewBox[3];
        return (Clamp(width ?? (hasViewBox ? viewBox[2] : 300)), Clamp(height ?? (hasViewBox ? viewBox[3] : 150)));

        static int Clamp(double v) => (int)Math.Clamp(Math.Round(v), 1, 100_000);
    }

    private sealed class State
    {
        public SvgStyleRules Rules { get; } = new();
        public SortedSet<string> Unsafe { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Unsupported { get; } = new(StringComparer.Ordinal);
        public int Elements;
        public bool Truncated;
    }
}

/// <summary>What the sanitizer left out: unsafe content (GB0211), content no output can show (GB0220), and whether
/// the document was cut at the size limits.</summary>
public sealed record SvgSanitizerReport(IReadOnlyList<string> Unsafe, IReadOnlyList<string> Unsupported, bool Truncated);

/// <summary>A sanitized SVG document, its intrinsic size in CSS pixels, and what was taken out (for the warnings).</summary>
public sealed record SanitizedSvg(byte[] Bytes, int Width, int Height, SvgSanitizerReport Report);
