using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Removes the first-line indent an author typed by hand at the start of a paragraph (<c>&amp;emsp;&amp;emsp;正文</c>,
/// <c>　　正文</c> with ideographic spaces, a row of <c>&amp;nbsp;</c>). Editors for the web have no first-line indent,
/// so Chinese writers type one; every output here indents a paragraph's first line by 2 em already, as Chinese books
/// do, so the typed indent doubled it (4 em in the PDF, the EPUB and the site alike). Only the paragraph's start is
/// touched: an indent typed after a line break (<c>&lt;br&gt;&amp;emsp;&amp;emsp;</c>) is the author's only indent for
/// that line, and spaces inside the text are text.
/// </summary>
public sealed class HandIndentTransform : ModelRewriter
{
    /// <summary>The spaces a typed indent is made of: ideographic, em, en and no-break spaces, and plain ones between them.</summary>
    private static readonly char[] IndentSpaces = ['\u3000', '\u2003', '\u2002', '\u00A0', ' '];

    protected override Block RewriteBlock(Block block) =>
        block is Paragraph paragraph && Stripped(paragraph.Content) is { } content ? paragraph with { Content = content } : block;

    /// <summary>The content without its leading indent, or null when it starts with none.</summary>
    private static IReadOnlyList<Inline>? Stripped(IReadOnlyList<Inline> inlines)
    {
        if (inlines.Count == 0 || inlines[0] is not Text first) return null;
        var kept = first.Value.TrimStart(IndentSpaces);
        if (kept.Length == first.Value.Length) return null;
        if (kept.Length > 0) return [first with { Value = kept }, .. inlines.Skip(1)];
        // The indent was a Text of its own (an entity, a raw space): what follows may start with more of it.
        IReadOnlyList<Inline> rest = [.. inlines.Skip(1)];
        return rest.Count == 0 ? null : Stripped(rest) ?? rest;
    }
}
