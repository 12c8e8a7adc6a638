using System.Xml;
using GptBook.Policies;

namespace GptBook.Html;

/// <summary>
/// Re-emits raw HTML that the loader has already sanitized into XHTML: it is parsed with an XML reader and written
/// element by element through the page's <see cref="XmlWriter"/>, never pasted in as a string. It also keeps its own
/// allow-list as a second line of defence: unknown elements are unwrapped, script-like elements dropped with their
/// content, only harmless attributes kept (no ids, which could clash with the book's), links only to the book or to
/// http(s)/mailto, and images (whose files would not be in the package) replaced by their alt text. In inline
/// context, block elements are unwrapped so the result stays valid inside a paragraph.
/// </summary>
public static class SanitizedMarkupWriter
{
    private static readonly HashSet<string> Phrasing = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q",
        "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    private static readonly HashSet<string> Flow = new(StringComparer.Ordinal)
    {
        "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "li", "ol", "p", "pre", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "hr", "wbr" };

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "object", "embed", "noscript", "template", "form", "input", "button", "select",
        "textarea", "frame", "frameset", "applet", "base", "link", "meta", "svg", "math", "audio", "video", "source",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "class", "title", "lang", "dir", "colspan", "rowspan", "abbr", "datetime", "cite",
    };

    /// <summary>
    /// Writes <paramref name="markup"/> into <paramref name="xml"/>. Returns false, having written nothing, when it is
    /// not a well-formed XML fragment. <paramref name="resolveHref"/> maps an href to a safe one, or null to drop it.
    /// </summary>
    public static bool TryWrite(XmlWriter xml, string markup, bool inline, Func<string, string?> resolveHref)
    {
        var nodes = Parse(markup);
        if (nodes == null) return false;
        foreach (var node in nodes) WriteNode(xml, node, inline, resolveHref);
        return true;
    }

    private static List<XmlNode>? Parse(string markup)
    {
        var settings = new XmlReaderSettings
        {
            ConformanceLevel = ConformanceLevel.Fragment,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            var document = new XmlDocument { XmlResolver = null };
            var nodes = new List<XmlNode>();
            using var reader = XmlReader.Create(new StringReader(markup), settings);
            reader.MoveToContent();
            while (!reader.EOF)
            {
                var node = document.ReadNode(reader);
                if (node == null) break;
                nodes.Add(node);
            }
            return nodes;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void WriteNode(XmlWriter xml, XmlNode node, bool inline, Func<string, string?> resolveHref)
    {
        switch (node)
        {
            case XmlText or XmlCDataSection or XmlWhitespace or XmlSignificantWhitespace:
                xml.WriteString(node.Value);
                break;
            case XmlElement element:
                WriteElement(xml, element, inline, resolveHref);
                break;
        }
    }

    private static void WriteElement(XmlWriter xml, XmlElement element, bool inline, Func<string, string?> resolveHref)
    {
        var name = element.LocalName.ToLowerInvariant();
        if (Dropped.Contains(name)) return;
        if (name == "img")
        {
            xml.WriteString(element.GetAttribute("alt"));
            return;
        }

        string? href = null;
        if (name == "a")
        {
            var target = element.GetAttribute("href");
            href = target.Length > 0 ? resolveHref(target) : null;
        }
        var keep = (Phrasing.Contains(name) || (!inline && Flow.Contains(name))) && (name != "a" || href != null);
        if (!keep)
        {
            foreach (XmlNode child in element.ChildNodes) WriteNode(xml, child, inline, resolveHref);
            return;
        }

        xml.WriteStartElement(name, XhtmlNames.Xhtml);
        foreach (XmlAttribute attribute in element.Attributes)
        {
            var attributeName = attribute.LocalName.ToLowerInvariant();
            if (attribute.Prefix.Length == 0 && Attributes.Contains(attributeName) && (attributeName != "cite" || UrlSchemes.IsAllowedLink(attribute.Value)))
                xml.WriteAttributeString(attributeName, attribute.Value);
        }
        if (href != null)
        {
            xml.WriteAttributeString("href", href);
            if (!href.StartsWith('#') && UrlSchemes.IsAllowedLink(href)) xml.WriteAttributeString("rel", "external noopener noreferrer");
        }
        if (Void.Contains(name))
        {
            xml.WriteEndElement();
            return;
        }
        // Children of a <pre> or a paragraph-like element stay in phrasing context.
        var childInline = inline || name is "p" or "pre" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "dt" or "caption";
        foreach (XmlNode child in element.ChildNodes) WriteNode(xml, child, childInline, resolveHref);
        xml.WriteFullEndElement();
    }
}
