using System.Buffers;
using System.Text;
using System.Xml.Linq;

namespace GptBook.Site;

/// <summary>
/// Serializes an XHTML tree as polyglot HTML5: text that browsers parse as HTML and XML tools parse as XML.
/// XDocument.ToString() is not enough, because it writes empty elements as <c>&lt;div /&gt;</c>, which an HTML
/// parser reads as an open tag that swallows the rest of the page. Here only void elements self-close; every other
/// element gets an end tag. Namespaces are not written except the XHTML default on the root, and SVG's (with its
/// xlink prefix) on an embedded svg element, whose empty elements close themselves as foreign content may, and
/// MathML's on a formula's math element (whose elements all get end tags, as the formula writer makes them).
/// </summary>
public static class PolyglotHtmlSerializer
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = Policies.SvgAllowList.SvgNamespace;
    private static readonly XNamespace XLink = Policies.SvgAllowList.XLinkNamespace;
    private static readonly XNamespace MathMl = Policies.MathMLAllowList.Namespace;

    private static readonly HashSet<string> VoidElements =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The document as UTF-8 bytes without a byte-order mark, starting with the HTML5 doctype.</summary>
    public static byte[] Serialize(XElement html) => Utf8.GetBytes(SerializeToString(html));

    /// <summary>The document's text, as <see cref="Serialize"/> encodes it.</summary>
    public static string SerializeToString(XElement html)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n");
        WriteElement(sb, html, isRoot: true);
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>Elements inside a document's body or head, written as <see cref="Serialize"/> writes them there.</summary>
    public static string Fragment(IEnumerable<XElement> elements)
    {
        var sb = new StringBuilder();
        foreach (var element in elements) WriteElement(sb, element, isRoot: false);
        return sb.ToString();
    }

    private static void WriteElement(StringBuilder sb, XElement element, bool isRoot)
    {
        var name = element.Name.LocalName;
        var svg = element.Name.Namespace == Svg;
        var mathMl = element.Name.Namespace == MathMl;
        if (element.Name.Namespace != Xhtml && element.Name.Namespace != XNamespace.None && !svg && !mathMl)
            throw new InvalidOperationException($"Element {element.Name} is not XHTML; the site writes HTML only.");
        sb.Append('<').Append(name);
        if (isRoot) sb.Append(" xmlns=\"").Append(Xhtml.NamespaceName).Append('"');
        if (svg && element.Parent?.Name.Namespace != Svg)
            sb.Append(" xmlns=\"").Append(Svg.NamespaceName).Append("\" xmlns:xlink=\"").Append(XLink.NamespaceName).Append('"');
        if (mathMl && element.Parent?.Name.Namespace != MathMl)
            sb.Append(" xmlns=\"").Append(MathMl.NamespaceName).Append('"');
        // The linked lists rather than Attributes() and Nodes(): a page has thousands of elements (a formula's
        // MathML above all), and each enumerator is an allocation.
        for (var attribute = element.FirstAttribute; attribute != null; attribute = attribute.NextAttribute)
        {
            if (attribute.IsNamespaceDeclaration) continue;
            sb.Append(' ').Append(AttributeName(attribute)).Append("=\"");
            AppendEscaped(sb, attribute.Value, inAttribute: true);
            sb.Append('"');
        }
        if (svg && element.FirstNode == null)
        {
            sb.Append(" />");
            return;
        }
        if (!svg && VoidElements.Contains(name))
        {
            if (element.FirstNode != null)
                throw new InvalidOperationException($"Void element <{name}> has content.");
            sb.Append(" />");
            return;
        }
        sb.Append('>');
        for (var node = element.FirstNode; node != null; node = node.NextNode)
        {
            switch (node)
            {
                case XElement child: WriteElement(sb, child, isRoot: false); break;
                case XCData cdata: AppendEscaped(sb, cdata.Value, inAttribute: false); break;
                case XText text: AppendEscaped(sb, text.Value, inAttribute: false); break;
                // Comments and processing instructions carry nothing a reader needs; leaving them out also keeps
                // "--" and "?>" sequences from ever reaching the HTML parser.
                case XComment or XProcessingInstruction: break;
                default: throw new InvalidOperationException($"Unexpected node {node.NodeType}.");
            }
        }
        sb.Append("</").Append(name).Append('>');
    }

    /// <summary>xml:lang is the only namespaced attribute XHTML content uses; HTML spells it lang.</summary>
    private static string AttributeName(XAttribute attribute) =>
        attribute.Name.Namespace == XNamespace.Xml ? "xml:" + attribute.Name.LocalName
        : attribute.Name.Namespace == XNamespace.None ? attribute.Name.LocalName
        : attribute.Name.Namespace == XLink ? "xlink:" + attribute.Name.LocalName
        : throw new InvalidOperationException($"Attribute {attribute.Name} has a foreign namespace.");

    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"\u00A0");

    /// <summary>The text with its markup characters escaped, copied in stretches between them rather than character by character.</summary>
    private static void AppendEscaped(StringBuilder sb, string value, bool inAttribute)
    {
        var rest = value.AsSpan();
        while (rest.IndexOfAny(Escaped) is var i and >= 0)
        {
            sb.Append(rest[..i]);
            switch (rest[i])
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when inAttribute: sb.Append("&quot;"); break;
                case '\u00A0': sb.Append("&#160;"); break;
                default: sb.Append(rest[i]); break;
            }
            rest = rest[(i + 1)..];
        }
        sb.Append(rest);
    }
}
