using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GptBook.Loading;

public sealed partial class ChapterReader
{
    /// <summary>
    /// The names of the HTML anchors (<c>&lt;a name="intro"&gt;&lt;/a&gt;</c>, or with <c>id</c>) on lines of their
    /// own before the next block, as books written for GitHub mark what their table of contents links to; two in a
    /// row (an old <c>name</c> and a new <c>id</c>, on one line or on two, with blank lines between or not) both
    /// name it. The next heading takes the last as its id (unless it names its own with <c>{#id}</c>) and the others
    /// as its <see cref="Model.Block.Anchors"/>, so that links to any of them arrive; a next paragraph starts with
    /// them (<see cref="Model.InlineAnchor"/>); any other next block takes them as its <see cref="Model.Block.Anchors"/>.
    /// </summary>
    private readonly List<string> _pendingAnchors = [];

    /// <summary>The anchor names, in order, when <paramref name="html"/> is nothing but anchors, else null.</summary>
    private static List<string>? AnchorOnly(string html)
    {
        var rest = AnchorTag().Replace(html, "");
        rest = ClosingAnchor().Replace(rest, "");
        if (rest.Trim().Length > 0) return null;
        var names = AnchorTag().Matches(html).Select(m => m.Groups[2].Value).ToList();
        return names.Count == 0 ? null : names;
    }

    /// <summary>An anchor among a heading's own inlines (<c>## &lt;a name="intro"&gt;&lt;/a&gt;介绍</c>).</summary>
    private static string? AnchorIn(ContainerInline? inlines) =>
        inlines?.Descendants<HtmlInline>().Select(h => AnchorTag().Match(h.Tag)).Where(m => m.Success).Select(m => m.Groups[2].Value).FirstOrDefault();

    /// <summary>A paragraph made of anchor tags alone ("&lt;a name="x"&gt;&lt;/a&gt;" inside other text is not one).</summary>
    private static List<string>? AnchorParagraph(ParagraphBlock paragraph)
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
