using System.Text;
using System.Text.RegularExpressions;
using GptBook.Model;
using GptBook.Policies;

namespace GptBook.Transforms;

/// <summary>
/// Removes U+0020 spaces that sit between two Han characters, or between a Han character and CJK punctuation.
/// Chinese text has no word spaces, so such a space is an export artefact (the article's "zero-shot
/// [相关解释](@todo) 性能" leaves one once the link is plain text); removing it in the model makes the PDF, the
/// EPUB and the site agree. The text is read across adjacent Text inlines and through emphasis, strikethrough and
/// link boundaries; code, images, line breaks, footnote references and raw HTML are walls that are never looked
/// through or into. Spaces between Han and Latin stay: their width is the composer's business (¼ em). So does the
/// space after an opening label that starts a heading or a paragraph ("第一章 注意力机制", "第 3 节 训练", and a
/// README's list of chapters, "- [第一章 线性回归](…)"): there it is the author's separator between number and
/// title, as in every printed Chinese book, not an artefact.
/// </summary>
public sealed partial class HanSpaceTransform : ModelRewriter
{
    protected override Block RewriteBlock(Block block) => block switch
    {
        Heading h => h with { Content = Normalize(h.Content, labelled: true) },
        Paragraph p => p with { Content = Normalize(p.Content, labelled: true) },
        Figure f => f with { Caption = Normalize(f.Caption) },
        Table t => t with
        {
            Header = t.Header.Select(c => c with { Content = Normalize(c.Content) }).ToArray(),
            Rows = t.Rows.Select(r => (IReadOnlyList<TableCell>)r.Select(c => c with { Content = Normalize(c.Content) }).ToArray()).ToArray(),
        },
        _ => block,
    };

    /// <summary>The inlines with artefact spaces removed; the same list when there are none.</summary>
    /// <param name="labelled">Keep the space after an opening label such as "第一章" that starts the text.</param>
    public static IReadOnlyList<Inline> Normalize(IReadOnlyList<Inline> inlines, bool labelled = false)
    {
        // The Text values in reading order, null marking a wall between runs of readable text.
        var texts = new List<string?>();
        Flatten(inlines, texts);
        var kept = Keep(texts, labelled);
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
    private static List<string?>? Keep(List<string?> texts, bool labelled)
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
            if (labelled && start == 0 && OpeningLabel().Match(joined) is { Success: true } label)
                for (var k = label.Length; k < joined.Length && joined[k] == ' '; k++) remove[k] = false;
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

    /// <summary>An opening label: 第, a number in Han or Arabic digits, and what it counts (章, 节, 篇, …).</summary>
    [GeneratedRegex(@"^\s*第\s*[〇零一二三四五六七八九十百千两\d]+\s*(?:章|节|篇|部分|部|讲|课|回|卷|集|单元)")]
    private static partial Regex OpeningLabel();

    /// <summary>Han on one side and Han or CJK punctuation on the other (surrogate pairs read whole).</summary>
    private static bool IsArtefactBetween(string text, int before, int after)
    {
        var left = char.IsLowSurrogate(text[before]) && before > 0 && char.IsHighSurrogate(text[before - 1])
            ? char.ConvertToUtf32(text[before - 1], text[before]) : text[before];
        var right = char.IsHighSurrogate(text[after]) && after + 1 < text.Length && char.IsLowSurrogate(text[after + 1])
            ? char.ConvertToUtf32(text[after], text[after + 1]) : text[after];
        return (IsHan(left) && (IsHan(right) || (IsCjkPunctuation(right) && !IsSeparator(text, after, right))))
            || (IsHan(right) && IsCjkPunctuation(left) && !IsSeparator(text, before, left));
    }

    /// <summary>
    /// A mark Chinese shares with Latin text with a space on both sides (<c>作者 · 2026</c>, <c>标题 — 副标题</c>): the
    /// author's separator, whose spaces are kept as a pair; removing the one beside the Han alone left <c>作者· 2026</c>.
    /// </summary>
    private static bool IsSeparator(string text, int at, int codePoint)
    {
        if (!CjkCharacters.IsSharedPunctuation(codePoint)) return false;
        var length = char.ConvertFromUtf32(codePoint).Length;
        var start = char.IsLowSurrogate(text[at]) ? at - 1 : at;
        return start > 0 && text[start - 1] == ' ' && start + length < text.Length && text[start + length] == ' ';
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
