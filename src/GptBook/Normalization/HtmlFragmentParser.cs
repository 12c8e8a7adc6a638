using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GptBook.Policies;

namespace GptBook.Normalization;

/// <summary>
/// Raw HTML from the Markdown parsed as browsers parse it: AngleSharp's HTML5 tokenizer and tree construction,
/// as a fragment in a body, so <c>&lt;p&gt;a&lt;p&gt;b</c> is two paragraphs, <c>&lt;li&gt;a&lt;li&gt;b</c> two
/// items, <c>&lt;!--&gt;x</c> an empty comment and a text. Nothing is fetched or run: scripting is off and the
/// document has no browsing context. The tree is at most <see cref="MaximumDepth"/> elements deep (deeper ones
/// become siblings, as browsers do), so walking it recursively is safe whatever the input.
/// </summary>
public static class HtmlFragmentParser
{
    public const int MaximumDepth = 48;

    private static readonly HtmlParserOptions Options = new()
    {
        IsKeepingSourceReferences = true,
        IsScripting = false,
        MaximumDepth = MaximumDepth,
    };

    /// <summary>The fragment's top-level nodes. The parser instance is per call: AngleSharp's parser is not thread-safe.</summary>
    public static INodeList Parse(string html)
    {
        var parser = new HtmlParser(Options);
        var document = parser.ParseDocument("");
        return parser.ParseFragment(html, document.Body!);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is an element of HTML, so that a tag-like word in prose (<c>&lt;T&gt;</c>,
    /// <c>&lt;begin&gt;</c>, a custom element) stays text instead of vanishing into an element nobody sees.
    /// </summary>
    public static bool IsHtmlElement(string name) =>
        name.Length > 0 && !name.Contains('-')
        && (MarkupAllowList.TreatmentOf(name) != MarkupTreatment.Refused || KnownElements.Value!.CreateElement(name.ToLowerInvariant()) is not IHtmlUnknownElement);

    /// <summary>A document used only to ask AngleSharp's element factory what it knows; one per thread, never changed.</summary>
    private static readonly ThreadLocal<IDocument> KnownElements = new(() => new HtmlParser().ParseDocument(""));
}
