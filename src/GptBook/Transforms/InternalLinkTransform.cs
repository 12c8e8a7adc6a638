using GptBook.Normalization;
using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Checks every internal link (<c>#id</c>) against the ids in the book (headings, figures, footnotes, anchors in
/// running text or before a block). A link written with a heading's text ("#GPT-1 的起点") is matched through the
/// same slug as heading ids, and one written with GitHub's anchor for a heading ("#11-记号约定",
/// <see cref="GitHubHeadingSlug"/>, percent-encoded or not) goes to that heading; a link to a chapter file goes to
/// the chapter's first heading. A link to nothing becomes plain text (GB0111), since a dangling fragment is an
/// error in EPUB.
/// </summary>
public sealed class InternalLinkTransform(DiagnosticBag diagnostics) : ModelRewriter
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _chapterStarts = new(StringComparer.Ordinal);
    private Dictionary<string, string> _gitHubSlugs = [];

    public override Book Rewrite(Book book)
    {
        foreach (var h in book.Headings()) _ids.Add(h.Id);
        foreach (var f in book.Figures()) _ids.Add(f.Id);
        foreach (var n in book.Chapters.SelectMany(c => c.Footnotes)) _ids.Add(n.Id);
        foreach (var id in book.AllBlocksWithFootnotes().SelectMany(b => b.AnchorIds())) _ids.Add(id);
        // Per chapter, as GitHub numbers repeated headings within one file.
        _gitHubSlugs = book.Chapters.SelectMany(c => GitHubHeadingSlug.Map(c.Blocks.SelectMany(b => b.DescendantsAndSelf()).OfType<Heading>()
                .Select(h => (h.PlainText, h.Id))))
            .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        foreach (var chapter in book.Chapters)
            if (chapter.Blocks.OfType<Heading>().FirstOrDefault() is { } first)
                _chapterStarts[chapter.SourceFile] = first.Id;
        return base.Rewrite(book);
    }

    protected override IReadOnlyList<Inline> RewriteInline(Inline inline)
    {
        if (inline is not Link { IsInternal: true } link) return [inline];
        if (link.Target.StartsWith(LinkTargetResolver.ChapterTargetPrefix, StringComparison.Ordinal))
        {
            var file = link.Target[LinkTargetResolver.ChapterTargetPrefix.Length..];
            if (_chapterStarts.TryGetValue(file, out var start)) return [link with { Target = "#" + start }];
            diagnostics.Report(DiagnosticCodes.BrokenInternalLink, link.Span, $"link to chapter '{file}', which has no heading to link to; shown as plain text");
            return link.Content;
        }
        var id = link.Target[1..];
        if (_ids.Contains(id)) return [link];
        var slug = HeadingIdTransform.Slug(id);
        if (_ids.Contains(slug)) return [link with { Target = "#" + slug }];
        if (_gitHubSlugs.TryGetValue(Uri.UnescapeDataString(id).ToLowerInvariant(), out var heading)) return [link with { Target = "#" + heading }];
        diagnostics.Report(DiagnosticCodes.BrokenInternalLink, link.Span, $"link to '#{id}', which is no heading, figure, footnote or anchor id in the book; shown as plain text");
        return link.Content;
    }
}
