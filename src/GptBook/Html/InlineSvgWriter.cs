using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using GptBook.Policies;

namespace GptBook.Html;

/// <summary>
/// Puts a prepared (sanitized) SVG into the page itself rather than behind an &lt;img&gt;, so that its text can be
/// searched, selected and read aloud, and it uses the page's fonts. Its ids and the references to them get a
/// prefix unique in the page (two figures may both have a gradient called <c>g</c>); it is labelled with the
/// image's alt text for assistive technology; a viewBox is added when it has none, so it scales with the page.
/// </summary>
public static partial class InlineSvgWriter
{
    private static readonly XNamespace Svg = SvgAllowList.SvgNamespace;
    private static readonly XNamespace XLink = SvgAllowList.XLinkNamespace;

    /// <param name="keepSize">Whether the svg keeps its width and height (the site: no jump while the page lays
    /// out); the EPUB leaves the size to the stylesheet, as it does for pictures.</param>
    public static void Write(XmlWriter xml, string svgMarkup, string alt, string cssClass, string idPrefix, bool keepSize)
    {
        var root = XElement.Parse(svgMarkup, LoadOptions.PreserveWhitespace);
        foreach (var element in root.DescendantsAndSelf())
        {
            if (element.Attribute("id") is { } id) id.Value = idPrefix + id.Value;
            if (element.Attribute(XLink + "href") is { } href && href.Value.StartsWith('#')) href.Value = "#" + idPrefix + href.Value[1..];
            foreach (var attribute in element.Attributes().Where(a => a.Value.Contains("url(#", StringComparison.Ordinal)))
                attribute.Value = FragmentUrl().Replace(attribute.Value, m => $"url(#{idPrefix}{m.Groups[1].Value})");
        }
        var (width, height) = SvgSanitizer.IntrinsicSize(root);
        if (root.Attribute("viewBox") == null)
            root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        if (keepSize)
        {
            root.SetAttributeValue("width", width.ToString(CultureInfo.InvariantCulture));
            root.SetAttributeValue("height", height.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            root.SetAttributeValue("width", null);
            root.SetAttributeValue("height", null);
        }
        root.SetAttributeValue("x", null);
        root.SetAttributeValue("y", null);
        root.SetAttributeValue("role", "img");
        if (XmlCharacters.Clean(alt) is { Length: > 0 } label) root.SetAttributeValue("aria-label", label);
        root.SetAttributeValue("class", cssClass);
        root.WriteTo(xml);
    }

    [GeneratedRegex(@"url\(#([^)\s'""]+)\)")]
    private static partial Regex FragmentUrl();
}
