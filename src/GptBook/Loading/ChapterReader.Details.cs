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
    /// GitHub READMEs fold long passages as <c>&lt;details&gt;&lt;summary&gt;…&lt;/summary&gt;</c>, a blank line,
    /// Markdown, a blank line, <c>&lt;/details&gt;</c>: to Markdown, two HTML blocks with Markdown between them. The
    /// index of the HTML block that closes the one at <paramref name="start"/> (nested ones counted), or -1 when
    /// that block opens no details element or none closes it.
    /// </summary>
    private static int DetailsEnd(List<MdBlock> blocks, int start)
    {
        if (blocks[start] is not HtmlBlock open || !OpensDetails(LinesOf(open))) return -1;
        var unclosed = 1;
        for (var j = start + 1; j < blocks.Count; j++)
        {
            if (blocks[j] is not HtmlBlock html) continue;
            var text = LinesOf(html);
            if (OpensDetails(text)) unclosed++;
            else if (ClosesDetails().IsMatch(text) && --unclosed == 0) return j;
        }
        return -1;
    }

    /// <summary>
    /// The opening block mapped as HTML (its summary, and whatever precedes the details element), then the blocks
    /// up to the closing one inside the details; null when the opening block does not map to a details block.
    /// </summary>
    private List<Model.Block>? ReadDetails(List<MdBlock> blocks, int start, int end, int depth, SourceSpan parent)
    {
        var span = _source.Of(blocks[start], parent);
        var mapped = RawHtmlMapper.MapBlocks(LinesOf((HtmlBlock)blocks[start]), span, _context, _formulas.Read);
        if (mapped is not [.., Details details]) return null;
        var inner = ConvertBlocks(blocks.Skip(start + 1).Take(end - start - 1), depth + 1, span);
        mapped[^1] = details with { Blocks = [.. details.Blocks, .. inner] };
        return mapped;
    }

    /// <summary>A details element opens in the block and is not closed in it.</summary>
    private static bool OpensDetails(string html) => OpeningDetails().IsMatch(html) && !html.Contains("</details", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"<details(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningDetails();

    [GeneratedRegex(@"^\s*</details\s*>\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ClosesDetails();
}
