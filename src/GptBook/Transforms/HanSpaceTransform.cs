using System.Text;
using GptBook.Model;
using GptBook.Policies;

namespace GptBook.Transforms;

/// <summary>
/// Removes U+0020 spaces that sit between two Han characters, or between a Han character and CJK punctuation.
/// Chinese text has no word spaces, so such a space is an export artefact (the article's "zero-shot
/// [相关解释](@todo) 性能" leaves one once the link is plain text); removing it in the model makes the PDF, the
/// EPUB and the site agree. The text is read across adjacent Text inlines and through emphasis, strikethrough and
/// link boundaries; code, images, line breaks, footnote references and raw HTML are walls that are never looked
/// through or into. Spaces between Han and Latin stay: their width is the composer's business (¼ em).
/// </summary>
public sealed class HanSpaceTransform : ModelRewriter
{
    protected override Block RewriteBlock(Block block) => block switch
    {
        Heading h => h with { Content = Normalize(h.Content) },
        Paragraph p => p with { Content = Normalize(p.Content) },
        Figure f => f with { Caption = Normalize(f.Caption) },
        Table t => t with
        {
            Header = t.Header.Select(c => c with { Content = Normalize(c.Content) }).ToArray(),
            Rows = t.Rows.Select(r => (IReadOnlyList<TableCell>)r.Select(c => c with { Content = Normalize(c.Content) }).ToArray()).ToArray(),
        },
        _ => block,
    };

    /// <summary>The inlines with artefact spaces removed; the same list when there are none.</summary>
    public static IReadOnlyList<Inline> Normalize(IReadOnlyList<Inline> inlines)
    {
        // The Text values in reading order, null marking a wall between runs of readable text.
        var texts = new List<string?>();
        Flatten(inlines, texts);
        var kept = Keep(texts);
        if (kept == null) return inlines;
        var next = 0;
        return Rebuild(inlines, kept, ref next);
    }

    private static void Flatten(IReadOnlyList<Inline> inlines, List<string?> texts)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t: texts.Add(t.Value); break;
                case Emphasis e: Flatten(e.Content, texts); break;
                case Strong s: Flatten(s.Content, texts); break;
                case Strikethrough s: Flatten(s.Content, texts); break;
                case MarkedText m: Flatten(m.Content, texts); break;
                case Link l: Flatten(l.Content, texts); break;
                default: texts.Add(null); break;
            }
        }
    }

    /// <summary>Each Text's value with the artefact spaces removed (null for walls), or null if nothing changes.</summary>
    private static List<string?>? Keep(List<string?> texts)
    {
        var changed = false;
        var result = new List<string?>(texts.Count);
        var start = 0;
        while (start < texts.Count)
        {
            if (texts[start] == null) { result.Add(null); start++; continue; }
            var end = start;
            while (end < texts.Count && texts[end] != null) end++;
            // One readable run: decide on the joined text, then cut the decision back into the Text values.
            var joined = string.Concat(texts.Skip(start).Take(end - start));
            var remove = ArtefactSpaces(joined);
            var at = 0;
            for (var i = start; i < end; i++)
            {
                var value = texts[i]!;
                var builder = new StringBuilder(value.Length);
                for (var k = 0; k < value.Length; k++)
                    if (!remove[at + k]) builder.Append(value[k]);
                at += value.Length;
                changed |= builder.Length != value.Length;
                result.Add(builder.ToString());
            }
            start = end;
        }
        return changed ? result : null;
    }

    private static bool[] ArtefactSpaces(string text)
    {
        var remove = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ') continue;
            var end = i;
            while (end < text.Length && text[end] == ' ') end++;
            if (i > 0 && end < text.Length && IsArtefactBetween(text, i - 1, end))
                for (var k = i; k < end; k++) remove[k] = true;
            i = end - 1;
        }
        return remove;
    }

    /// <summary>Han on one side and Han or CJK punctuation on the other (surrogate pairs read whole).</summary>
    private static bool IsArtefactBetween(string text, int before, int after)
    {
        var left = char.IsLowSurrogate(text[before]) && before > 0 && char.IsHighSurrogate(text[before - 1])
            ? char.ConvertToUtf32(text[before - 1], text[before]) : text[before];
        var right = char.IsHighSurrogate(text[after]) && after + 1 < text.Length && char.IsLowSurrogate(text[after + 1])
            ? char.ConvertToUtf32(text[after], text[after + 1]) : text[after];
        return (IsHan(left) && (IsHan(right) || IsCjkPunctuation(right))) || (IsHan(right) && IsCjkPunctuation(left));
    }

    /// <summary>A Han ideograph (the unified blocks, extensions, compatibility ideographs, and 〇).</summary>
    private static bool IsHan(int cp) => CjkCharacters.IsHanIdeograph(cp);

    /// <summary>Full-width punctuation (、。「」《》，：！（）), and the quotes, dashes and ellipsis Chinese shares with Latin text.</summary>
    private static bool IsCjkPunctuation(int cp) => CjkCharacters.IsCjkPunctuation(cp) || CjkCharacters.IsSharedPunctuation(cp);

    private static List<Inline> Rebuild(IReadOnlyList<Inline> inlines, List<string?> kept, ref int next)
    {
        var result = new List<Inline>(inlines.Count);
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t:
                    var value = kept[next++]!;
                    if (value.Length > 0) result.Add(t with { Value = value });
                    break;
                case Emphasis e: result.Add(e with { Content = Rebuild(e.Content, kept, ref next) }); break;
                case Strong s: result.Add(s with { Content = Rebuild(s.Content, kept, ref next) }); break;
                case Strikethrough s: result.Add(s with { Content = Rebuild(s.Content, kept, ref next) }); break;
                case MarkedText m: result.Add(m with { Content = Rebuild(m.Content, kept, ref next) }); break;
                case Link l: result.Add(l with { Content = Rebuild(l.Content, kept, ref next) }); break;
                default: next++; result.Add(inline); break;
            }
        }
        return result;
    }
}
