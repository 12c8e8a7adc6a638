using System.Net;
using System.Text;
using System.Xml;
using GptBook.Policies;

namespace GptBook.Normalization;

/// <summary>What sanitizing a piece of raw HTML produced.</summary>
/// <param name="Xhtml">Well-formed XHTML (a fragment, in the XHTML namespace once embedded), possibly empty.</param>
/// <param name="Text">The visible text, for writers that cannot show HTML.</param>
/// <param name="Removed">What was taken out (tags, attributes, URLs), for the GB0105 warning; empty when nothing was.</param>
/// <param name="HasContent">Whether anything visible is left: text, or an element such as &lt;br/&gt; or &lt;hr/&gt;.</param>
public sealed record SanitizedHtml(string Xhtml, string Text, IReadOnlyList<string> Removed, bool HasContent);

/// <summary>
/// Turns raw HTML from the Markdown into well-formed XHTML that cannot run anything. It works by allow-list:
/// only harmless formatting and structure elements and a few attributes survive; script, style, iframe, object,
/// embed, form and their kin are dropped with everything inside them; every on* handler, style attribute and
/// javascript:/vbscript:/data: URL goes. Unknown elements are unwrapped (their text stays). Output is written
/// with an XmlWriter, so it is well-formed whatever the input, and unclosed elements are closed.
/// </summary>
public static partial class HtmlSanitizer
{
    /// <summary>How deep sanitized HTML may nest; deeper tags are unwrapped, so hostile input cannot go deeper.</summary>
    public const int MaxDepth = 32;

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "code",
        "kbd", "samp", "var", "pre", "blockquote", "q", "cite", "abbr", "dfn", "span", "div", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "h1", "h2", "h3", "h4",
        "h5", "h6", "a", "figure", "figcaption", "ruby", "rt", "rp", "bdi", "bdo", "time", "wbr", "details", "summary",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal) { "br", "hr", "wbr", "img", "input", "meta", "link", "source", "area", "base", "col", "embed", "param", "track" };

    /// <summary>Elements dropped together with everything inside them: active content, or text that is not text.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "object", "embed", "form", "frame", "frameset", "applet", "noscript",
        "template", "textarea", "select", "button", "svg", "math", "head", "title", "audio", "video", "canvas",
    };

    private static readonly HashSet<string> GlobalAttributes = new(StringComparer.Ordinal) { "title", "lang", "dir" };

    private static readonly Dictionary<string, string[]> ElementAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href"],
        ["abbr"] = ["title"],
        ["ol"] = ["start", "reversed"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan", "scope"],
        ["time"] = ["datetime"],
        ["q"] = ["cite"],
        ["blockquote"] = ["cite"],
        ["bdo"] = ["dir"],
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "cite" };

    public static SanitizedHtml Sanitize(string html)
    {
        var removed = new List<string>();
        var hasVoid = false;
        var xhtml = new StringBuilder();
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, OmitXmlDeclaration = true, CheckCharacters = false };
        using (var writer = XmlWriter.Create(xhtml, settings))
        {
            var open = new Stack<string>();
            string? skipping = null;
            var skipDepth = 0;
            foreach (var token in HtmlTokenizer.Tokenize(html))
            {
                if (skipping != null)
                {
                    if (token.Kind == HtmlTokenKind.StartTag && token.Name == skipping && !token.SelfClosing) skipDepth++;
                    if (token.Kind == HtmlTokenKind.EndTag && token.Name == skipping && --skipDepth == 0) skipping = null;
                    continue;
                }
                switch (token.Kind)
                {
                    case HtmlTokenKind.Text:
                        var decoded = CleanText(WebUtility.HtmlDecode(token.Text));
                        writer.WriteString(decoded);
                        text.Append(decoded);
                        break;
                    case HtmlTokenKind.Comment:
                        break; // comments are meant to be invisible; dropping them loses nothing a reader sees
                    case HtmlTokenKind.Other:
                        removed.Add(token.Text.Length > 20 ? token.Text[..20] + "…" : token.Text);
                        break;
                    case HtmlTokenKind.StartTag when DroppedWithContent.Contains(token.Name):
                        removed.Add($"<{token.Name}>");
                        if (!token.SelfClosing && !VoidElements.Contains(token.Name))
                        {
                            skipping = token.Name;
                            skipDepth = 1;
                        }
                        break;
                    case HtmlTokenKind.StartTag when !AllowedElements.Contains(token.Name) || open.Count >= MaxDepth:
                        removed.Add($"<{token.Name}>");
                        break;
                    case HtmlTokenKind.StartTag:
                        writer.WriteStartElement(token.Name);
                        WriteAttributes(writer, token, removed);
                        if (token.Name is "br") text.Append('\n');
                        if (VoidElements.Contains(token.Name) || token.SelfClosing)
                        {
                            writer.WriteEndElement();
                            hasVoid |= token.Name is "br" or "hr";
                        }
                        else open.Push(token.Name);
                        break;
                    case HtmlTokenKind.EndTag when open.Contains(token.Name):
                        // Closing an outer element closes everything opened inside it, as browsers do.
                        while (open.Count > 0)
                        {
                            var name = open.Pop();
                            writer.WriteFullEndElement();
                            if (name == token.Name) break;
                        }
                        if (token.Name is "p" or "div" or "li" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6") text.Append('\n');
                        break;
                    case HtmlTokenKind.EndTag:
                        break; // a stray end tag, or the end of an element that was not allowed: nothing to close
                }
            }
            while (open.Count > 0)
            {
                open.Pop();
                writer.WriteFullEndElement();
            }
        }
        var plain = BlankLines().Replace(text.ToString(), "\n").Trim(' ', '\t');
        return new SanitizedHtml(xhtml.ToString(), plain, removed, hasVoid || plain.Trim().Length > 0);
    }

    private static void WriteAttributes(XmlWriter writer, HtmlToken token, List<string> removed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ElementAttributes.TryGetValue(token.Name, out var specific);
        foreach (var (name, value) in token.Attributes)
        {
            if (!seen.Add(name)) continue;
            var allowed = GlobalAttributes.Contains(name) || (specific?.Contains(name) ?? false);
            if (!allowed)
            {
                removed.Add($"{name}=\"…\"");
                continue;
            }
            var clean = CleanText(WebUtility.HtmlDecode(value));
            if (UrlAttributes.Contains(name) && !IsAbsoluteSafeUrl(clean))
            {
                removed.Add($"{name}=\"{(clean.Length > 30 ? clean[..30] + "…" : clean)}\"");
                continue;
            }
            if (name == "lang") writer.WriteAttributeString("xml", "lang", null, clean);
            writer.WriteAttributeString(name, clean);
        }
    }

    /// <summary>
    /// Only absolute URLs with a safe scheme survive in raw HTML: relative ones would point at files the outputs
    /// don't contain, and fragments are not resolved across chunks the way Markdown links are.
    /// </summary>
    private static bool IsAbsoluteSafeUrl(string url) => UrlSchemes.IsAllowedLink(url);

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]*\n\s*")]
    private static partial System.Text.RegularExpressions.Regex BlankLines();

    /// <summary>Removes characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/FFFF).</summary>
    private static string CleanText(string s)
    {
        if (s.All(c => XmlConvert.IsXmlChar(c))) return s.Replace("\0", "");
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (XmlConvert.IsXmlChar(s[i])) sb.Append(s[i]);
            else if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i]))
            {
                sb.Append(s[i]).Append(s[i + 1]);
                i++;
            }
        }
        return sb.ToString();
    }
}
