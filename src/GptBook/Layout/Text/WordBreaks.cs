namespace GptBook.Layout.Text;

/// <summary>
/// Break opportunities inside Latin text, each with its cost (<see cref="ParagraphItems.Item.Penalty"/>), so that
/// the line breaker uses one only where it saves a line from being spread or squeezed:
/// <list type="bullet">
/// <item>a word of at least five lower-case letters (a capital first allowed) may be hyphenated where Liang's
/// patterns allow (<see cref="Hyphenator"/>), and a name joined from capitalised words where one ends
/// (Books-Corpus, at twice the cost); never an acronym, nor a word joined to digits (GPT-3, x86);</item>
/// <item>a URL, and an identifier in inline code, may break after “/”, before “.”, “_”, “?”, “#”, “&amp;” and “=”,
/// after “-”, and between a lower-case and an upper-case letter (camelCase), with nothing added, never within two
/// characters of either end.</item>
/// </list>
/// </summary>
internal static class WordBreaks
{
    private const string BreakBefore = "._?#&=";

    public static void Mark(ParagraphItems.Item[] items, ParagraphItems.Segment segment)
    {
        var i = segment.Start;
        while (i < segment.End)
        {
            if (items[i].Kind != CharacterKind.Western || items[i].Superscript) { i++; continue; }
            var j = i;
            while (j < segment.End && items[j].Kind == CharacterKind.Western && !items[j].Superscript) j++;
            if (IsIdentifier(items, i, j)) MarkIdentifier(items, i, j);
            else MarkWords(items, i, j);
            i = j;
        }
    }

    /// <summary>Code (the monospace face), or a token that reads as a URL or a path.</summary>
    private static bool IsIdentifier(ParagraphItems.Item[] items, int start, int end)
    {
        if (items[start].Face == Fonts.FontRole.Mono) return true;
        for (var k = start; k < end; k++)
        {
            var c = items[k].CodePoint;
            if (c == '@') return true;
            if (c == '/' && k > start && k + 1 < end && IsLetterOrDigit(items[k - 1].CodePoint) | items[k - 1].CodePoint == ':' && IsLetterOrDigit(items[k + 1].CodePoint) | items[k + 1].CodePoint == '/') return true;
        }
        return end - start > 4 && items[start].CodePoint is 'w' && items[start + 1].CodePoint == 'w' && items[start + 2].CodePoint == 'w' && items[start + 3].CodePoint == '.';
    }

    private static void MarkIdentifier(ParagraphItems.Item[] items, int start, int end)
    {
        for (var k = start + 1; k <= end - 3; k++)
        {
            var c = items[k].CodePoint;
            var next = items[k + 1].CodePoint;
            var allowed = (c == '/' && next != '/')
                || (BreakBefore.Contains((char)next) && !BreakBefore.Contains((char)c) && c != '/')
                || (c == '-' && IsLetterOrDigit(next))
                || (c is >= 'a' and <= 'z' && next is >= 'A' and <= 'Z');
            if (!allowed || items[k].BreakAfter) continue;
            items[k].BreakAfter = true;
            items[k].Penalty = ParagraphItems.IdentifierBreakPenalty;
        }
    }

    private static void MarkWords(ParagraphItems.Item[] items, int start, int end)
    {
        var k = start;
        while (k < end)
        {
            if (!IsLetter(items[k].CodePoint)) { k++; continue; }
            var w = k;
            while (w < end && IsLetter(items[w].CodePoint)) w++;
            if (IsCompoundName(items, start, end, k, w)) MarkCompoundName(items, k, w);
            else if (IsHyphenatable(items, start, end, k, w))
            {
                var word = string.Create(w - k, (items, k), static (span, state) =>
                {
                    for (var n = 0; n < span.Length; n++) span[n] = (char)state.items[state.k + n].CodePoint;
                });
                foreach (var point in Hyphenator.UsEnglish.Points(word))
                {
                    ref var before = ref items[k + point - 1];
                    before.BreakAfter = true;
                    before.HyphenAfter = true;
                    before.Penalty = ParagraphItems.HyphenPenalty;
                }
            }
            k = w;
        }
    }

    /// <summary>A name joined from capitalised words (BooksCorpus, PagedAttention), standing alone.</summary>
    private static bool IsCompoundName(ParagraphItems.Item[] items, int tokenStart, int tokenEnd, int from, int to)
    {
        var humps = 0;
        for (var n = from + 1; n < to; n++)
            if (items[n].CodePoint is >= 'A' and <= 'Z' && items[n - 1].CodePoint is >= 'a' and <= 'z') humps++;
        return humps > 0 && to - from >= 6 && Stands(items, tokenStart, tokenEnd, from, to);
    }

    /// <summary>A compound name may take a hyphen where one of its words ends (Books-Corpus), at twice the cost of a hyphen.</summary>
    private static void MarkCompoundName(ParagraphItems.Item[] items, int from, int to)
    {
        for (var n = from + 2; n <= to - 3; n++)
        {
            if (items[n].CodePoint is not (>= 'A' and <= 'Z') || items[n - 1].CodePoint is not (>= 'a' and <= 'z')) continue;
            ref var before = ref items[n - 1];
            before.BreakAfter = true;
            before.HyphenAfter = true;
            before.Penalty = 2 * ParagraphItems.HyphenPenalty;
        }
    }

    /// <summary>A word not joined to digits or to path and identifier punctuation (GPT-3, x86, a_b, a/b).</summary>
    private static bool Stands(ParagraphItems.Item[] items, int tokenStart, int tokenEnd, int from, int to) =>
        !(from > tokenStart && items[from - 1].CodePoint is var p && (IsLetterOrDigit(p) || "-_/.@".Contains((char)p)))
        && !(to < tokenEnd && items[to].CodePoint is var f && (IsLetterOrDigit(f) || "-_/@".Contains((char)f)));

    private static bool IsHyphenatable(ParagraphItems.Item[] items, int tokenStart, int tokenEnd, int from, int to)
    {
        if (to - from < Hyphenator.LeftMin + Hyphenator.RightMin) return false;
        for (var n = from + 1; n < to; n++) if (items[n].CodePoint is >= 'A' and <= 'Z') return false;
        return Stands(items, tokenStart, tokenEnd, from, to);
    }

    private static bool IsLetter(int c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsLetterOrDigit(int c) => IsLetter(c) || c is >= '0' and <= '9';
}
