namespace GptBook.Policies;

/// <summary>What becomes of one HTML element found in raw HTML in the Markdown.</summary>
public enum MarkupTreatment
{
    /// <summary>The element has a meaning in the book's model (a heading, an image, a list, superscript …) and is mapped to it.</summary>
    Mapped,

    /// <summary>A harmless element with no meaning of its own in print (span, u, small …): its content is kept, the tag is not.</summary>
    Unwrapped,

    /// <summary>Active or non-text content (script, style, iframe, form controls …): removed with everything inside it, and reported.</summary>
    Dropped,

    /// <summary>Any other HTML element (font, marquee …): its content is kept, and the removed tag is reported.</summary>
    Refused,
}

/// <summary>
/// The one allow-list for raw HTML in the Markdown, applied when it is mapped into the model: which elements have
/// a meaning there, which are harmless wrappers, which go with their content, and which attributes are read at all.
/// Nothing else of the markup reaches an output: the writers build their own markup from the model, so no handler,
/// style or script can pass through. URLs in the attributes that are read follow <see cref="UrlSchemes"/>.
/// </summary>
public static class MarkupAllowList
{
    private static readonly HashSet<string> Mapped = new(StringComparer.Ordinal)
    {
        // Structure.
        "p", "div", "center", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "ul", "ol", "li", "dl", "dt", "dd",
        "details", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        // Phrasing.
        "a", "img", "br", "b", "strong", "i", "em", "cite", "dfn", "var", "s", "del", "strike", "code", "tt", "samp",
        "kbd", "sup", "sub", "mark", "ruby", "rt", "rp",
    };

    private static readonly HashSet<string> Unwrapped = new(StringComparer.Ordinal)
    {
        "span", "u", "ins", "small", "big", "abbr", "q", "time", "bdi", "bdo", "wbr", "nobr", "label", "font",
        "colgroup", "col", "picture", "html", "body",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "object", "embed", "form", "frame", "frameset", "applet", "noscript", "template",
        "textarea", "select", "button", "input", "option", "svg", "math", "head", "title", "audio", "video", "canvas",
        "source", "track", "link", "meta", "base", "param", "map", "area", "dialog", "slot", "noembed", "noframes",
        "xmp", "plaintext", "portal", "output", "progress", "meter", "datalist", "fieldset", "legend", "optgroup",
    };

    /// <summary>
    /// The attributes the mapping reads; every other attribute (handlers, style, class, id …) is ignored, since the
    /// writers never copy attributes. A book's own <c>id</c>s come from its headings and anchors, checked for clashes.
    /// </summary>
    private static readonly Dictionary<string, string[]> ReadAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href", "name", "id", "title"],
        ["img"] = ["src", "alt", "width", "height"],
        ["ol"] = ["start"],
        ["td"] = ["colspan", "rowspan", "align"],
        ["th"] = ["colspan", "rowspan", "align"],
        ["div"] = ["align"],
        ["p"] = ["align"],
        ["details"] = ["open"],
        ["pre"] = ["lang"],
        ["code"] = ["class"],
    };

    public static MarkupTreatment TreatmentOf(string element)
    {
        var name = element.ToLowerInvariant();
        if (Mapped.Contains(name)) return MarkupTreatment.Mapped;
        if (Unwrapped.Contains(name)) return MarkupTreatment.Unwrapped;
        return Dropped.Contains(name) ? MarkupTreatment.Dropped : MarkupTreatment.Refused;
    }

    /// <summary>Whether the mapping may read <paramref name="attribute"/> of <paramref name="element"/>.</summary>
    public static bool IsRead(string element, string attribute) =>
        ReadAttributes.TryGetValue(element.ToLowerInvariant(), out var names) && names.Contains(attribute.ToLowerInvariant());

    /// <summary>An attribute worth a warning when it is ignored: an event handler is someone's attempt to run code.</summary>
    public static bool IsHandler(string attribute) => attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Length > 2;
}
