using GptBook.Layout.Text;
using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// Keeps an inline formula on the line of the punctuation that belongs to it. A browser may break a line between an
/// inline <c>math</c> element (an atomic box to its line breaker) and the text beside it, so Chromium at a phone's
/// width starts a line with the "、" after a formula, which Chinese typesetting forbids (and the PDF's own line
/// breaker never does). So the characters right after a formula that no line may start with (、，。；：！？）」』】》 …)
/// and those right before it that no line may end with (（「『【《 …), by the PDF's own tables
/// (<see cref="ChineseLineBreakRules"/>), are written with it in one <c>span class="nobr"</c>
/// (<c>white-space: nowrap</c>): the pair moves to the next line together.
/// </summary>
internal static class FormulaPunctuationBinding
{
    /// <summary>
    /// <paramref name="inlines"/> with the texts around inline formulas cut where the punctuation bound to them ends,
    /// and the index ranges (first and last, inclusive) of the bound runs, in order. Without a formula, the inlines as
    /// they are and no range.
    /// </summary>
    public static (IReadOnlyList<Inline> Inlines, IReadOnlyList<(int First, int Last)> Bound) Apply(IReadOnlyList<Inline> inlines)
    {
        if (!inlines.Any(i => i is InlineMath)) return (inlines, []);
        var items = inlines.ToList();
        var bound = new List<(int, int)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not InlineMath) continue;
            var first = i;
            if (i > 0 && items[i - 1] is Text before && Trailing(before.Value, ChineseLineBreakRules.IsNoEnd) is > 0 and var opening && opening < before.Value.Length)
            {
                items[i - 1] = before with { Value = before.Value[..^opening] };
                items.Insert(i, before with { Value = before.Value[^opening..] });
                first = i;
                i++;
            }
            else if (i > 0 && items[i - 1] is Text { Value: var whole } && Trailing(whole, ChineseLineBreakRules.IsNoEnd) == whole.Length && (bound.Count == 0 || bound[^1].Item2 != i - 1))
                first = i - 1; // the text before is nothing but the opening punctuation
            var last = i;
            if (i + 1 < items.Count && items[i + 1] is Text after && Leading(after.Value, ChineseLineBreakRules.IsNoStart) is > 0 and var closing)
            {
                if (closing < after.Value.Length)
                {
                    items[i + 1] = after with { Value = after.Value[..closing] };
                    items.Insert(i + 2, after with { Value = after.Value[closing..] });
                }
                last = i + 1;
            }
            if (last > first) bound.Add((first, last));
            i = last;
        }
        return (items, bound);
    }

    private static int Leading(string text, Func<int, bool> bound)
    {
        var n = 0;
        while (n < text.Length && bound(text[n])) n++;
        return n;
    }

    private static int Trailing(string text, Func<int, bool> bound)
    {
        var n = 0;
        while (n < text.Length && bound(text[text.Length - 1 - n])) n++;
        return n;
    }
}
