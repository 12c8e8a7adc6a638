using System.Text.RegularExpressions;
using GptBook.Model;
using Markdig.Extensions.CustomContainers;

namespace GptBook.Loading;

/// <summary>What books written for VuePress, docsify and similar sites add to Markdown: containers, notes and
/// contents markers.</summary>
public sealed partial class ChapterReader
{
    /// <summary>
    /// A VuePress container: <c>tip</c>, <c>info</c>/<c>note</c>, <c>warning</c>, <c>danger</c>/<c>caution</c> and
    /// <c>important</c> become admonitions, under the container's own title when it has one (<c>::: warning 注意事项</c>);
    /// <c>details</c> becomes a collapsible block under its title. Any other kind (<c>code-group</c>, <c>v-pre</c>, a
    /// theme's own) has no meaning outside its site: its content is kept as plain blocks, with a warning.
    /// </summary>
    private void AddContainer(CustomContainer container, int depth, SourceSpan span, List<Model.Block> result)
    {
        var kind = container.Info?.Trim().ToLowerInvariant() ?? "";
        var title = container.Arguments?.Trim() is { Length: > 0 } t ? t : null;
        var blocks = ConvertBlocks(container, depth + 1, span);
        AdmonitionKind? admonition = kind switch
        {
            "tip" => AdmonitionKind.Tip,
            "info" or "note" => AdmonitionKind.Note,
            "warning" => AdmonitionKind.Warning,
            "danger" or "caution" => AdmonitionKind.Caution,
            "important" => AdmonitionKind.Important,
            _ => null,
        };
        if (admonition is { } k)
            result.Add(new Admonition(k, blocks, span) { Title = title });
        else if (kind == "details")
            result.Add(new Details([new Text(title ?? LanguageLabels.For(_context.Options.Metadata.Language).Details, span)], blocks, span));
        else
        {
            Unsupported(span, kind.Length == 0 ? "a container without a kind" : $"the container '{kind}'", "its content is shown as plain blocks");
            result.AddRange(blocks);
        }
    }

    /// <summary>
    /// A paragraph that is only a table-of-contents marker: VuePress's <c>[[toc]]</c>, Typora's and many editors'
    /// <c>[TOC]</c>, GitLab's <c>[[_TOC_]]</c>, markdown-it-toc's <c>@[toc]</c> (with a title: <c>@[toc](目录)</c>),
    /// and <c>${toc}</c>. The book prints its own contents, so the marker is dropped rather than printed as text.
    /// </summary>
    private bool IsContentsMarker(Markdig.Syntax.ParagraphBlock paragraph) =>
        paragraph.Span.Length <= MaxContentsMarkerLength && ContentsMarker().IsMatch(_source.TextOf(paragraph).Trim());

    /// <summary>A longer paragraph is not read for the marker at all: every paragraph of the book passes here.</summary>
    private const int MaxContentsMarkerLength = 48;

    [GeneratedRegex(@"^(?:\[\[_?toc_?\]\]|\[toc\]|@\[toc\](?:\([^()\n]*\))?|\$\{toc\})$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsMarker();

    /// <summary>
    /// docsify's notes: a paragraph opening with <c>!&gt; </c> is an important note, one opening with <c>?&gt; </c> a
    /// tip. Null for any other paragraph; otherwise the kind and the paragraph without its marker.
    /// </summary>
    private static (AdmonitionKind Kind, List<Model.Inline> Content)? DocsifyNote(List<Model.Inline> content)
    {
        if (content is not [Text first, ..] || first.Value.Length < 3 || first.Value[1] != '>' || first.Value[2] != ' ') return null;
        AdmonitionKind? kind = first.Value[0] switch { '!' => AdmonitionKind.Important, '?' => AdmonitionKind.Tip, _ => null };
        if (kind == null) return null;
        var rest = first.Value[3..].TrimStart();
        List<Model.Inline> body = rest.Length > 0 ? [first with { Value = rest }, .. content.Skip(1)] : [.. content.Skip(1)];
        return (kind.Value, body);
    }
}
