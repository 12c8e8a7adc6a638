using System.Text.RegularExpressions;
using GptBook.Model;
using GptBook.Normalization;
using Markdig.Syntax;
using MdBlock = Markdig.Syntax.Block;
using SourceSpan = GptBook.Model.SourceSpan;

namespace GptBook.Loading;

public sealed partial class ChapterReader
{
    /// <summary>
    /// Title pages of GitHub READMEs centre Markdown with <c>&lt;div align="center"&gt;</c> (or <c>&lt;center&gt;</c>),
    /// a blank line, Markdown, a blank line, <c>&lt;/div&gt;</c>: to Markdown, two HTML blocks with Markdown between
    /// them. The index of the HTML block that closes the element the block at <paramref name="start"/> opens (nested
    /// ones of the same name counted) and the alignment asked for, or -1 when that block opens no aligned div or
    /// center element or none closes it.
    /// </summary>
    private static (int End, BlockAlignment Alignment) AlignedEnd(List<MdBlock> blocks, int start)
    {
        if (blocks[start] is not HtmlBlock open) return (-1, default);
        var text = LinesOf(open);
        var opening = OpeningAligned().Match(text);
        if (!opening.Success) return (-1, default);
        var name = opening.Groups[1].Value.ToLowerInvariant();
        var unclosed = Balance(text, name);
        if (unclosed <= 0 || RawHtmlMapper.OpenedAlignment(text) is not { } alignment) return (-1, default);
        for (var j = start + 1; j < blocks.Count; j++)
        {
            if (blocks[j] is not HtmlBlock html) continue;
            unclosed += Balance(LinesOf(html), name);
            if (unclosed <= 0) return (j, alignment);
        }
        return (-1, default);
    }

    /// <summary>How many more <paramref name="name"/> elements <paramref name="html"/> opens than it closes.</summary>
    private static int Balance(string html, string name) =>
        Regex.Count(html, "<" + name + @"(?=[\s/>])", RegexOptions.IgnoreCase) - Regex.Count(html, "</" + name + @"\s*>", RegexOptions.IgnoreCase);

    /// <summary>
    /// The opening block mapped as HTML, then the Markdown blocks up to the closing one with their paragraphs and
    /// headings aligned as the element asks (HTML's text-align is inherited); the closing block as any other.
    /// </summary>
    private List<Model.Block> ReadAligned(List<MdBlock> blocks, int start, int end, BlockAlignment alignment, int depth, SourceSpan parent)
    {
        var result = new List<Model.Block>();
        ConvertBlock(blocks[start], depth, parent, result);
        result = RawHtmlMapper.Aligned(result, alignment);
        result.AddRange(RawHtmlMapper.Aligned(ConvertBlocks(blocks.Skip(start + 1).Take(end - start - 1), depth + 1, _source.Of(blocks[start], parent)), alignment));
        ConvertBlock(blocks[end], depth, parent, result);
        return result;
    }

    [GeneratedRegex(@"^\s*<(div|center)(?=[\s/>])", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningAligned();
}
