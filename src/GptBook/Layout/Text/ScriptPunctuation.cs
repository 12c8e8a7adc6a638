using GptBook.Fonts;

namespace GptBook.Layout.Text;

/// <summary>
/// Glyphs chosen by script: the CJK faces draw ‘ ’ “ ” – — … one em wide, centred or with the ink on one side, as
/// Chinese text wants them; in Latin text they must be proportional, or “OpenAI’s” reads “OpenAI’ s”. A mark in
/// Latin context is therefore set in the face's Latin partner (<see cref="FontFallbackChain.LatinPartner"/>:
/// Source Serif 4 for Noto Serif SC, Source Sans 3 for Noto Sans SC, the very designs of the SC faces' own Latin
/// letters), and becomes part of the Latin text (<see cref="CharacterKind.Western"/>: no Han spacing, no
/// punctuation compression). The context, following clreq's practice of Chinese quotation marks around
/// quoted Western words in Chinese text:
/// <list type="bullet">
/// <item>’ between two Latin letters or digits is an apostrophe (OpenAI’s, don’t): Latin, whatever surrounds the word;</item>
/// <item>a pair of quotes is decided together, by the nearest letters outside it: Han on either side → full-width
/// (引号（“OpenAI’s”里）; Latin → Latin; the pair alone in its paragraph → by what it quotes;</item>
/// <item>—— and …… (the Chinese two-em forms) stay full-width;</item>
/// <item>any other mark (a dash, an ellipsis, an unpaired quote) by its nearest letters: Latin only where no Han is
/// next to it and Latin is.</item>
/// </list>
/// Nearest letters skip spaces, digits (2018—2023 年 keeps the Chinese dash), these marks themselves and ASCII
/// punctuation; CJK punctuation (，。：（）and the like) counts as Han.
/// </summary>
internal static class ScriptPunctuation
{
    private enum Script : byte { None, Han, Latin }

    public static void Choose(List<ParagraphItems.Item> items, ITextMeasurer measurer)
    {
        var latin = new bool[items.Count];
        var any = false;
        for (var i = 0; i < items.Count; i++) any |= Candidate(items[i]);
        if (!any) return;

        // Quote pairs, innermost first: “ with ”, ‘ with the ’ that closes it (an apostrophe closes nothing).
        var open = new Stack<int>();
        var paired = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var cp = items[i].CodePoint;
            if (!Candidate(items[i])) continue;
            if (cp is 0x201C or 0x2018) open.Push(i);
            else if (cp is 0x201D or 0x2019 && !IsApostrophe(items, i))
            {
                var match = cp == 0x201D ? 0x201C : 0x2018;
                if (open.Count > 0 && items[open.Peek()].CodePoint == match)
                {
                    var start = open.Pop();
                    var script = PairScript(items, start, i);
                    latin[start] = latin[i] = script == Script.Latin;
                    paired[start] = paired[i] = true;
                }
            }
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (!Candidate(items[i]) || paired[i]) continue;
            if (IsApostrophe(items, i)) { latin[i] = true; continue; }
            // —— and …… are the Chinese forms, two ems wide: Han wherever they stand.
            if (IsDoubled(items, i)) continue;
            var before = Nearest(items, i - 1, -1);
            var after = Nearest(items, i + 1, +1);
            latin[i] = before != Script.Han && after != Script.Han && (before == Script.Latin || after == Script.Latin);
        }
        for (var i = 0; i < items.Count; i++)
            if (latin[i]) items[i] = InLatinFace(items[i], measurer);
    }

    /// <summary>A mark a CJK face with a Latin partner would set full-width.</summary>
    private static bool Candidate(in ParagraphItems.Item item) =>
        !item.Missing && FontFallbackChain.IsScriptDependentMark(item.CodePoint) && FontFallbackChain.LatinPartner(item.Face) != null;

    private static bool IsApostrophe(List<ParagraphItems.Item> items, int i) =>
        items[i].CodePoint == 0x2019 && i > 0 && i + 1 < items.Count
        && IsLatinLetterOrDigit(items[i - 1].CodePoint) && IsLatinLetterOrDigit(items[i + 1].CodePoint);

    private static bool IsDoubled(List<ParagraphItems.Item> items, int i) =>
        items[i].CodePoint is 0x2014 or 0x2026
        && ((i > 0 && items[i - 1].CodePoint == items[i].CodePoint) || (i + 1 < items.Count && items[i + 1].CodePoint == items[i].CodePoint));

    private static Script PairScript(List<ParagraphItems.Item> items, int start, int end)
    {
        var before = Nearest(items, start - 1, -1);
        var after = Nearest(items, end + 1, +1);
        if (before == Script.Han || after == Script.Han) return Script.Han;
        if (before == Script.Latin || after == Script.Latin) return Script.Latin;
        // Alone in its paragraph: what it quotes decides.
        return Nearest(items, start + 1, +1) == Script.Latin ? Script.Latin : Script.Han;
    }

    /// <summary>The script of the first letter from <paramref name="from"/> in direction <paramref name="step"/>.</summary>
    private static Script Nearest(List<ParagraphItems.Item> items, int from, int step)
    {
        for (var k = from; k >= 0 && k < items.Count; k += step)
        {
            var item = items[k];
            var cp = item.CodePoint;
            if (item.Kind == CharacterKind.Han) return Script.Han;
            if (IsLatinLetter(cp)) return Script.Latin;
            if (cp == '\n') return Script.None;
            if (cp is >= 0x3000 and < 0x3040 or >= 0xFF00 and < 0xFFF0) return Script.Han;
            // Digits (2018—2023 年 is a Chinese range), spaces, ASCII punctuation, the marks themselves, objects: look further.
        }
        return Script.None;
    }

    /// <summary>Letters and digits of the Latin, Greek and Cyrillic scripts (what a Latin face sets).</summary>
    private static bool IsLatinLetterOrDigit(int cp) => cp is >= '0' and <= '9' || IsLatinLetter(cp);

    /// <summary>Letters of the Latin, Greek and Cyrillic scripts.</summary>
    private static bool IsLatinLetter(int cp) =>
        cp < 0x80 ? char.IsAsciiLetter((char)cp) : cp is >= 0xC0 and < 0x530 && cp != 0xD7 && cp != 0xF7;

    private static ParagraphItems.Item InLatinFace(ParagraphItems.Item item, ITextMeasurer measurer)
    {
        var partner = FontFallbackChain.LatinPartner(item.Face)!.Value;
        if (!measurer.HasGlyph(partner, item.CodePoint)) return item;
        item.Face = partner;
        item.Advance = measurer.Advance(partner, item.CodePoint) * item.Size;
        item.FullWidth = false;
        item.Kind = CharacterKind.Western;
        return item;
    }
}
