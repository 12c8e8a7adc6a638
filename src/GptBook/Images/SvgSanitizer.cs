using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using GptBook.Diagnostics;

namespace GptBook.Images;

/// <summary>
/// Makes an SVG safe to put in front of a reader, keeping only what draws: no scripts, no event handlers, no
/// foreign content, no references outside the document (every href must be a <c>#fragment</c>; CSS may not
/// <c>@import</c> or use non-fragment <c>url()</c>), no metadata, comments or editor attributes. DTDs are never
/// processed, so entity tricks (billion laughs, external entities) cannot run. A document that isn't well-formed
/// XML with an <c>svg</c> root is refused.
/// </summary>
internal static partial class SvgSanitizer
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> ForbiddenElements =
        ["script", "foreignObject", "metadata", "handler", "listener", "iframe", "embed", "object"];

    private static readonly HashSet<string> AnimationElements = ["animate", "set", "animateTransform", "animateMotion", "animateColor"];

    public static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.Ordinal);
    }

    public static SanitizedSvg? Sanitize(byte[] bytes, string path, out ImageProblem? problem)
    {
        problem = null;
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
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            problem = ImageInspector.Corrupt(path, "SVG is not well-formed XML: " + e.Message);
            return null;
        }
        var root = document.Root;
        if (root == null || root.Name != Svg + "svg")
        {
            problem = ImageInspector.Corrupt(path, "not an SVG document (the root element is not svg)");
            return null;
        }
        document.DocumentType?.Remove();

        var removed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            if (element.Parent == null && element != root) continue; // inside an element removed already
            if (element != root && ShouldRemove(element))
            {
                removed.Add($"<{element.Name.LocalName}>");
                element.Remove();
                continue;
            }
            foreach (var attribute in element.Attributes().ToList())
                if (ShouldRemove(attribute))
                {
                    removed.Add($"{attribute.Name.LocalName}=");
                    attribute.Remove();
                }
        }

        var (width, height) = Size(root);
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            document.Save(writer);
        return new SanitizedSvg(output.ToArray(), width, height, removed.ToArray());
    }

    private static bool ShouldRemove(XElement element)
    {
        if (element.Name.Namespace != Svg) return true;
        var name = element.Name.LocalName;
        if (ForbiddenElements.Contains(name)) return true;
        if (AnimationElements.Contains(name))
        {
            // Animating href (or anything towards javascript:) can turn a harmless link into a script.
            var target = (string?)element.Attribute("attributeName") ?? "";
            if (target.Contains("href", StringComparison.OrdinalIgnoreCase)) return true;
            if (element.Attributes().Any(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))) return true;
        }
        return name == "style" && !IsSafeCss(element.Value);
    }

    private static bool ShouldRemove(XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration)
            return attribute.Value != Svg.NamespaceName && attribute.Value != XLink.NamespaceName;
        var ns = attribute.Name.Namespace;
        if (ns != XNamespace.None && ns != XLink && ns != XNamespace.Xml) return true;
        var name = attribute.Name.LocalName;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return true;
        if (name == "href") return !attribute.Value.TrimStart().StartsWith('#');
        if (attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)) return true;
        return !IsSafeCss(attribute.Value);
    }

    private static bool IsSafeCss(string css) =>
        !css.Contains("@import", StringComparison.OrdinalIgnoreCase) &&
        !css.Contains("expression(", StringComparison.OrdinalIgnoreCase) &&
        UrlFunction().Matches(css).All(m => m.Groups[1].Value.StartsWith('#'));

    [GeneratedRegex(@"url\(\s*['""]?\s*([^'"")\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlFunction();

    /// <summary>The intrinsic size in CSS pixels: width/height when absolute, else the viewBox, else 300×150.</summary>
    private static (int Width, int Height) Size(XElement root)
    {
        var viewBox = ((string?)root.Attribute("viewBox") ?? "")
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
            .ToArray();
        var hasViewBox = viewBox.Length == 4 && viewBox[2] > 0 && viewBox[3] > 0;
        var width = CssPixels((string?)root.Attribute("width")) ?? (hasViewBox ? viewBox[2] : 300);
        var height = CssPixels((string?)root.Attribute("height")) ?? (hasViewBox ? viewBox[3] : 150);
        return (Clamp(width), Clamp(height));

        static int Clamp(double v) => (int)Math.Clamp(Math.Round(v), 1, 100_000);
    }

    private static double? CssPixels(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var match = CssLength().Match(value.Trim());
        if (!match.Success) return null;
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        double? factor = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "px" => 1,
            "pt" => 96.0 / 72,
            "pc" => 16,
            "mm" => 96 / 25.4,
            "cm" => 96 / 2.54,
            "in" => 96,
            _ => null, // percentages and font-relative units depend on the page
        };
        return factor is { } f && f * number > 0 ? f * number : null;
    }

    [GeneratedRegex(@"^([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-zA-Z%]*)$")]
    private static partial Regex CssLength();
}

/// <summary>A sanitized SVG document, its intrinsic size in CSS pixels, and what was taken out (for the warning).</summary>
internal sealed record SanitizedSvg(byte[] Bytes, int Width, int Height, IReadOnlyList<string> Removed);
