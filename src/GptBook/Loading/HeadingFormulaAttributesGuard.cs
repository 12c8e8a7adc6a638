using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace GptBook.Loading;

/// <summary>
/// Markdig's generic attributes read a heading's trailing <c>{…}</c> as its attributes before any inline is parsed,
/// so a heading that ends in a formula (<c>## 关于 $\frac{a}{b}$</c>) lost its end ("关于 $\frac") and showed raw TeX.
/// This wraps the heading parser's attribute reader so that it starts at the first brace outside a formula: a brace
/// of a formula stays in the heading, and <c>{#id}</c> after the formula is still read as attributes.
/// </summary>
public sealed class HeadingFormulaAttributesGuard : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is not { TryParseAttributes: { } read } headings
            || read.Target is Guarded) return; // no attributes to guard, or guarded already (Setup may run again)
        headings.TryParseAttributes = new Guarded(read).TryParse;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class Guarded(TryParseAttributesDelegate read)
    {
        /// <param name="slice">The heading's text. Markdig reads attributes from its first <c>{</c>; it is handed
        /// the text from the first brace outside a formula, and its cut (the new end) is kept.</param>
        public bool TryParse(BlockProcessor processor, ref StringSlice slice, IBlock block)
        {
            var brace = FirstBraceOutsideFormulas(slice.Text, slice.Start, slice.End);
            if (brace < 0) return false;
            var attributes = slice;
            attributes.Start = brace;
            if (!read(processor, ref attributes, block)) return false;
            slice.End = attributes.End;
            return true;
        }
    }

    /// <summary>The first <c>{</c> from <paramref name="start"/> to <paramref name="end"/> that is not inside a formula
    /// (after an odd number of unescaped <c>$</c>, or an unclosed <c>\(</c>, when a <c>$</c> or <c>\)</c> follows to
    /// close it: a money sign that nothing closes, as in <c>## 价格 $5 {#price}</c>, opens no formula), or -1.</summary>
    private static int FirstBraceOutsideFormulas(string text, int start, int end)
    {
        var dollars = 0;
        var parenOpen = false;
        for (var i = start; i <= end && i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when i < end:
                    if (text[i + 1] == '(') parenOpen = true;
                    else if (text[i + 1] == ')') parenOpen = false;
                    i++; // an escaped character, \$ included, opens nothing
                    break;
                case '$':
                    dollars++;
                    break;
                case '{' when (dollars % 2 == 0 || !Follows(text, i, end, dollar: true))
                              && (!parenOpen || !Follows(text, i, end, dollar: false)):
                    return i;
            }
        }
        return -1;
    }

    /// <summary>Whether an unescaped <c>$</c> (or <c>\)</c>) comes after <paramref name="from"/>, up to <paramref name="end"/>.</summary>
    private static bool Follows(string text, int from, int end, bool dollar)
    {
        for (var i = from + 1; i <= end && i < text.Length; i++)
        {
            if (text[i] == '\\' && i < end)
            {
                if (!dollar && text[i + 1] == ')') return true;
                i++;
            }
            else if (dollar && text[i] == '$') return true;
        }
        return false;
    }
}
