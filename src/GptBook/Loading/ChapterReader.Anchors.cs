using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GptBook.Loading;

public sealed partial class ChapterReader
{
    /// <summary>
    /// The name of an HTML anchor (<c>&lt;a name="intro"&gt;&lt;/a&gt;</c>, or with <c>id</c>) on a line of its own
    /// or in the line before a heading, as books written for GitHub mark what their table of contents links to.
    /// The next heading takes it as its id (unless it names its own with <c>{#id}</c>), so that links to it arrive;
    /// a next paragraph starts with it (<see cref="Model.InlineAnchor"/>); any other next block takes it as its
    /// <see cref="Model.Block.AnchorId"/>.
    /// </summary>
    private string? _pendingAnchor;

    /// <summary>The anchor name when <paramref name="html"/> is nothing but anchors (the last one counts), else null.</summary>
    private static string? AnchorOnly(string html)
    {
        var rest = AnchorTag().Replace(html, "");
        rest = ClosingAnchor().Replace(rest, "");
        if (rest.Trim().Length > 0) return null;
        var names = AnchorTag().Matches(html);
        return names.Count == 0 ? null : names[^1].Groups[2].Value;
    }

    /// <summary>An anchor among a heading's own inlines (<c>## &lt;a name="intro"&gt;&lt;/a&gt;介绍</c>).</summary>
    private static string? AnchorIn(ContainerInline? inlines) =>
        inlines?.Descendants<HtmlInline>().Select(h => AnchorTag().Match(h.Tag)).Where(m => m.Success).Select(m => m.Groups[2].Value).FirstOrDefault();

    /// <summary>A paragraph made of anchor tags alone ("&lt;a name="x"&gt;&lt;/a&gt;" inside other text is not one).</summary>
    private static string? AnchorParagraph(ParagraphBlock paragraph)
    {
        if (paragraph.Inline == null) return null;
        var text = string.Concat(paragraph.Inline.Select(i => i switch
        {
            HtmlInline html => html.Tag,
            LiteralInline literal => literal.Content.ToString(),
            LineBreakInline => "\n",
            _ => "\u0001", // anything else is content
        }));
        return AnchorOnly(text);
    }

    [GeneratedRegex(@"<a\s+(?:[^>]*?\s)?(name|id)\s*=\s*[""']?([^""'\s>]+)[""']?[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorTag();

    [GeneratedRegex(@"</a\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingAnchor();
}
