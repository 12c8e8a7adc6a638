using System.Text;
using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Gives every heading an id that is stable across builds and unique in the book: the heading's text, with Han
/// characters kept, Latin letters lowercased, and everything else turned into single hyphens ("GPT-1：不同关注点的
/// 起点" → "gpt-1-不同关注点的起点"). Repeats get -2, -3 … in reading order (GB0107, for information). Ids are
/// valid XML names (an id that would start with a digit gets "h-" in front), because toc.ncx requires them.
/// </summary>
public sealed class HeadingIdTransform(DiagnosticBag diagnostics) : ModelRewriter
{
    private readonly UniqueIds _ids = new();

    protected override Block RewriteBlock(Block block)
    {
        if (block is not Heading heading) return block;
        // An id the author gave ("{#intro}") wins over the text's, made valid and unique the same way.
        var id = Slug(heading.Id.Length > 0 ? heading.Id : heading.PlainText);
        var unique = _ids.Claim(id);
        if (unique != id)
            diagnostics.Report(DiagnosticCodes.DuplicateHeadingId, heading.Span, $"heading id '{id}' is already used; this heading gets '{unique}'");
        return heading with { Id = unique };
    }

    /// <summary>The id a text becomes, before it is made unique. Also used to match links written as "#Heading Text".</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var original in text.EnumerateRunes())
        {
            // Full-width Latin letters and digits ("ＧＰＴ２") are the same word as their ASCII forms. (Unicode
            // normalization would do this, but it is unavailable under invariant globalization.)
            var rune = original.Value is >= 0xFF01 and <= 0xFF5E ? new Rune(original.Value - 0xFEE0) : original;
            if (Rune.IsLetterOrDigit(rune)) sb.Append(Rune.ToLowerInvariant(rune).ToString());
            else if (sb.Length > 0 && Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
                         or System.Globalization.UnicodeCategory.SpacingCombiningMark) sb.Append(rune.ToString()); // vowel signs are part of the word
            else if (rune.Value is '_' or '.' && sb.Length > 0) sb.Append((char)rune.Value);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-', '.', '_');
        if (slug.Length == 0) return "section";
        return char.IsAsciiDigit(slug[0]) ? "h-" + slug : slug;
    }
}
