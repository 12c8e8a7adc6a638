using System.Text.RegularExpressions;
using GptBook.Model;
using GptBook.Normalization;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdInline = Markdig.Syntax.Inlines.Inline;
using SourceSpan = GptBook.Model.SourceSpan;

namespace GptBook.Loading;

public sealed partial class ChapterReader
{
    /// <summary>
    /// A paragraph's content. Books converted from reStructuredText or MyST, and docsify and VuePress habits, put
    /// an image's options on the lines under it (<c>:width: 80%</c>, <c>:align: center</c>): when every line after
    /// an image's line is such an option, the options are applied (width, height, alt) or dropped, never printed,
    /// and the image stays alone, so it is a figure like any image alone in its paragraph.
    /// </summary>
    private List<Model.Inline> ParagraphContent(ParagraphBlock paragraph, SourceSpan span)
    {
        var children = paragraph.Inline?.ToArray() ?? [];
        var firstBreak = Array.FindIndex(children, c => c is LineBreakInline);
        if (firstBreak <= 0 || !children[..firstBreak].Any(c => c is LinkInline { IsImage: true }))
            return Inlines(children, 0, span);
        var options = new List<Match>();
        foreach (var line in LinesAfter(children, firstBreak))
        {
            if (OptionLine().Match(line) is not { Success: true } option) return Inlines(children, 0, span);
            options.Add(option);
        }
        var content = Inlines(children[..firstBreak], 0, span);
        var at = content.FindLastIndex(i => i is InlineImage);
        if (at < 0) return Inlines(children, 0, span);
        var image = ((InlineImage)content[at]).Image;
        foreach (var option in options)
        {
            var value = option.Groups[2].Value.Trim();
            image = option.Groups[1].Value.ToLowerInvariant() switch
            {
                "width" => image with { Width = RawHtmlMapper.Dimension(value) ?? image.Width },
                "height" => image with { Height = RawHtmlMapper.Dimension(value) ?? image.Height },
                "alt" when value.Length > 0 => image with { Alt = value },
                _ => image, // align, name, class, scale …: presentation no output needs
            };
        }
        content[at] = new InlineImage(image, content[at].Span);
        return content;
    }

    /// <summary>The source text of each line after the break at <paramref name="firstBreak"/>, without a container's prefix ("> ").</summary>
    private IEnumerable<string> LinesAfter(MdInline[] children, int firstBreak)
    {
        var start = -1;
        for (var i = firstBreak + 1; i <= children.Length; i++)
        {
            if (i < children.Length && children[i] is not LineBreakInline)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) yield return _source.Slice(children[start].Span.Start, children[i - 1].Span.End);
            start = -1;
        }
    }

    /// <summary>The options of reStructuredText's and MyST's image directive; any other ":word:" line is text.</summary>
    [GeneratedRegex(@"^\s*:(width|height|alt|align|name|class|scale|target|loading|figwidth|figclass):(?:\s+(.*))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionLine();

    /// <summary>
    /// docsify's image options in the title (<c>![logo](a.png ':size=50x100')</c>, <c>':size=10%'</c>): the size
    /// is applied; the other options (<c>:no-zoom</c>, <c>:class=…</c>) concern docsify's own page only.
    /// </summary>
    private static ImageReference WithTitleOptions(ImageReference image, string? title)
    {
        if (title == null || DocsifySize().Match(title) is not { Success: true } size) return image;
        return image with
        {
            Width = RawHtmlMapper.Dimension(size.Groups[1].Value) ?? image.Width,
            Height = size.Groups[2].Success ? RawHtmlMapper.Dimension(size.Groups[2].Value) ?? image.Height : image.Height,
        };
    }

    [GeneratedRegex(@":size=(\d+(?:\.\d+)?(?:%|px)?)(?:x(\d+(?:\.\d+)?(?:px)?))?", RegexOptions.IgnoreCase)]
    private static partial Regex DocsifySize();
}
