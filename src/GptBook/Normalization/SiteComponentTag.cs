using System.Text.RegularExpressions;

namespace GptBook.Normalization;

/// <summary>
/// The components VuePress and VitePress books write into their Markdown: <c>&lt;Badge text="beta" type="tip"/&gt;</c>
/// after a heading, <c>&lt;CodeGroup&gt;</c> around code blocks, <c>&lt;ClientOnly&gt;</c>, a theme's own. They mean
/// something only to their site's JavaScript, so a book shows what they hold: a Badge its label, any other its
/// content without its tags. A component is told apart from a tag-like word in prose (<c>&lt;T&gt;</c>,
/// <c>List&lt;Tensor&gt;</c>), which stays text, by its form: its name is no HTML element and starts with a capital,
/// and it has attributes, closes itself, is an end tag, or has a second capital (<c>CodeGroupItem</c>).
/// </summary>
public static partial class SiteComponentTag
{
    /// <summary>Whether <paramref name="tag"/>, as written, is a component's start, end or self-closing tag.</summary>
    public static bool IsComponent(string tag, out string name)
    {
        var match = Tag().Match(tag);
        name = match.Success ? match.Groups["name"].Value : "";
        if (!match.Success || HtmlFragmentParser.IsHtmlElement(name)) return false;
        return match.Groups["end"].Success || match.Groups["attributes"].Value.Trim().Length > 0 || match.Groups["self"].Success
            || name.Skip(1).Any(char.IsAsciiLetterUpper);
    }

    /// <summary>A Badge's label (its <c>text</c> attribute), or null for any other tag.</summary>
    public static string? BadgeText(string tag)
    {
        var match = Tag().Match(tag);
        if (!match.Success || match.Groups["name"].Value != "Badge") return null;
        var text = Text().Match(match.Groups["attributes"].Value);
        return text.Success ? System.Net.WebUtility.HtmlDecode(text.Groups["value"].Value).Trim() : null;
    }

    [GeneratedRegex(@"^<(?<end>/)?(?<name>[A-Z][A-Za-z0-9]*)(?<attributes>(?:\s[^<>]*?)?)(?<self>/)?>$", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?:^|\s):?text\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)')")]
    private static partial Regex Text();
}
