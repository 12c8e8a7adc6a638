using System.Text.RegularExpressions;
using GptBook.Model;
using GptBook.Normalization;
using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace GptBook.Loading;

public sealed partial class ChapterReader
{
    /// <summary>
    /// An image's URL as the author meant it. A Windows path written with backslashes (<c>..\..\images\a.png</c>,
    /// as an editor on Windows inserts it) would lose the backslashes before its dots, which CommonMark reads as
    /// escaped dots ("....\images\a.png"): there, "\." is a separator followed by a dot. The other backslashes stay
    /// (CommonMark keeps them), and the resolver reads every backslash as "/".
    /// </summary>
    private string ImageUrl(LinkInline image)
    {
        var url = image.Url ?? "";
        if (image.UrlSpan.IsEmpty || image.UrlSpan.Start < 0) return url;
        return WrittenPath(_source.Slice(image.UrlSpan.Start, image.UrlSpan.End).Trim().TrimStart('<').TrimEnd('>')) ?? url;
    }

    /// <summary>A relative path as written with Windows separators before dots, unescaped; null when it has none.</summary>
    private static string? WrittenPath(string written) =>
        written.Contains("\\.", StringComparison.Ordinal) && !written.Contains(':', StringComparison.Ordinal)
            ? HtmlHelper.Unescape(written.Replace("\\.", "/.", StringComparison.Ordinal))
            : null;

    /// <summary>
    /// Images whose path has spaces, written without the angle brackets CommonMark asks for
    /// (<c>![损失](images/loss curve.png)</c>, as Typora writes and shows them): CommonMark leaves them as text, so
    /// they are found in the text and made the images they are meant to be. Only a path that ends in a picture's
    /// extension counts; the path is read from the source when the text is the source of one line (so a Windows
    /// path keeps its backslashes: <see cref="ImageUrl"/>).
    /// </summary>
    private List<Model.Inline> SpacedImagePaths(List<Model.Inline> inlines)
    {
        if (!inlines.Any(i => i is Text t && t.Value.Contains("](", StringComparison.Ordinal))) return inlines;
        var result = new List<Model.Inline>(inlines.Count);
        foreach (var inline in inlines)
        {
            var matches = inline is Text t ? SpacedImage().Matches(t.Value) : null;
            if (matches is not { Count: > 0 } || inline is not Text text)
            {
                result.Add(inline);
                continue;
            }
            var written = text.Value.Contains('\n') ? null : SpacedImage().Matches(_source.TextOf(text.Span));
            var at = 0;
            for (var i = 0; i < matches.Count; i++)
            {
                var m = matches[i];
                if (m.Index > at) result.Add(new Text(text.Value[at..m.Index], At(text, at)));
                var path = written?.Count == matches.Count ? WrittenPath(written[i].Groups["path"].Value) ?? m.Groups["path"].Value : m.Groups["path"].Value;
                var span = At(text, m.Index) with { Length = m.Length };
                result.Add(new InlineImage(ImageReferenceResolver.Resolve(path, m.Groups["alt"].Value, _context, span), span));
                at = m.Index + m.Length;
            }
            if (at < text.Value.Length) result.Add(new Text(text.Value[at..], At(text, at)));
        }
        return result;
    }

    [GeneratedRegex(@"!\[(?<alt>[^\[\]\n]*)\]\((?<path>[^()<>""'\n]*[^()<>""'\s][ ]+[^()<>""'\n]*\.(?:png|jpe?g|gif|svg|webp|bmp))\)", RegexOptions.IgnoreCase)]
    private static partial Regex SpacedImage();
}
