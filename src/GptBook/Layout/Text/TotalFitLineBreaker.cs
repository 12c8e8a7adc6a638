
namespace GptBook.Layout.Text;

/// <summary>
/// Chooses the breaks of one paragraph segment as a whole (Knuth–Plass "total fit"): among all sets of allowed
/// breaks whose lines fit the measure (stretched, or shrunk by no more than their compressible punctuation and
/// spaces), the one with the least sum of demerits, where a line's demerits grow with the cube of how far its
/// gaps are spread or squeezed, in clreq's order and within its limits (<see cref="Justification"/>), plus the cost
/// of the break itself (a hyphen, a break inside a URL or code: <see cref="WordBreaks"/>). First-fit sets each line on its own and leaves a line spread wide whenever a Latin
/// word does not fit at its end; here the lines before it give up or take a character so that the spacing is even.
/// <para>
/// Break opportunities, prohibitions (行首/行尾禁则, —— and …… kept whole) and the compressible amounts come from
/// <see cref="ParagraphItems"/> unchanged. A line can only hold so many items, so from each line start the scan
/// stops once even the squeezed width passes the measure: the cost is linear in the paragraph's length times the
/// items per line. Returns null when no set of breaks fits (an unbreakable item wider than the measure); the
/// composer then falls back to first-fit.
/// </para>
/// </summary>
internal static class TotalFitLineBreaker
{
    private const double Epsilon = 1e-6;

    /// <summary>Added to every line's badness before squaring, so that fewer lines are preferred (TeX's \linepenalty).</summary>
    private const double LinePenalty = 10;

    /// <summary>Badness of a line that would have to spread past the caps (re-break the paragraph rather than that).</summary>
    private const double OverCap = 100000;

    /// <summary>
    /// Badness of a line with no gap to spread, left short of the measure (a piece of a URL), growing with the
    /// square of the ems it is short by: a line short by a few ems costs more than one spread past the caps.
    /// </summary>
    private const double Ragged = 2000;

    /// <summary>A last line holding a single Han character (段末孤字).</summary>
    private const double LoneLastCharacterDemerits = 100000;

    public static List<ChosenLine>? Break(ParagraphItems p, ParagraphItems.Segment segment, ParagraphSettings settings, bool firstSegment)
    {
        var (start, end, _) = segment;
        var count = end - start + 1;
        var best = new double[count];
        var previous = new int[count];
        var breakAt = new int[count];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        var measure = settings.Measure.Points;
        for (var s = start; s < end; s++)
        {
            if (double.IsPositiveInfinity(best[s - start])) continue;
            var indent = s == start && firstSegment ? settings.FirstLineIndent.Points : 0;
            var avail = measure - indent;
            for (var i = s; i < end; i++)
            {
                // No later break can fit once even the squeezed, trimmed width is past the measure.
                if (p.Natural(s, i) - p.Shrinkable(s, i) - p.Items[i].Size / 2 > avail + Epsilon) break;
                var final = i == end - 1;
                if (!final && !p.Items[i].BreakAfter) continue;
                var demerits = LineDemerits(p, s, i, avail, final);
                if (double.IsPositiveInfinity(demerits)) continue;
                var next = final ? end : NextLineStart(p, i, end);
                var total = best[s - start] + demerits;
                // Of equally good sets, the one whose earlier lines are fuller (s runs upwards), as first-fit would.
                if (total <= best[next - start] * (1 + 1e-12))
                {
                    best[next - start] = total;
                    previous[next - start] = s;
                    breakAt[next - start] = i;
                }
            }
        }
        if (double.IsPositiveInfinity(best[count - 1])) return null;

        var breaks = new List<ChosenLine>();
        for (var at = end; at != start; at = previous[at - start])
        {
            var s = previous[at - start];
            var indent = s == start && firstSegment ? settings.FirstLineIndent.Points : 0;
            breaks.Add(new ChosenLine(s, breakAt[at - start], indent, measure - indent, false));
        }
        breaks.Reverse();
        return breaks;
    }

    /// <summary>The first item of the line after a break at <paramref name="b"/>: spaces after a break are dropped.</summary>
    public static int NextLineStart(ParagraphItems p, int b, int end)
    {
        var s = b + 1;
        while (s < end && p.Items[s].Kind == CharacterKind.Space) s++;
        return s;
    }

    /// <summary>Demerits of a line from <paramref name="s"/> breaking after <paramref name="b"/>; infinity if it cannot fit.</summary>
    private static double LineDemerits(ParagraphItems p, int s, int b, double avail, bool final)
    {
        var e = p.ContentEnd(s, b);
        var slack = avail - p.Width(s, e);
        var em = p.Items[s].Size;
        double badness;
        if (slack < -Epsilon)
        {
            var squeeze = Justification.Of(p, s, e, slack);
            if (squeeze.Rest < -Epsilon) return double.PositiveInfinity;
            badness = squeeze.Badness;
        }
        else if (final || slack <= Epsilon) badness = 0;
        else
        {
            var spread = Justification.Of(p, s, e, slack);
            badness = spread.Badness;
            if (spread.Rest > Epsilon)
            {
                // Past every limit: a line with gaps would be spread wider than the rules allow, the last resort; a
                // line without any (a piece of a URL) is left ragged, which is better than letter-spacing it.
                // A single character short of the measure cannot be justified at all.
                if (e == s) return double.PositiveInfinity;
                var gaps = p.CharacterGaps(s, e) + p.WordSpaces(s, e) + (p.HanLatinStretchable(s, e) > 0 ? 1 : 0);
                badness += gaps > 0 ? OverCap * (1 + spread.Rest / em) : Ragged * Math.Pow(1 + spread.Rest / em, 2);
            }
        }
        var demerits = (LinePenalty + badness) * (LinePenalty + badness);
        if (!final) demerits += BreakPenalty(p, b);
        if (final && IsLoneCharacter(p, s, e)) demerits += LoneLastCharacterDemerits;
        return demerits;
    }

    /// <summary>A break's own cost: inside a word (hyphenation, a compound's hyphen), a URL or code.</summary>
    private static double BreakPenalty(ParagraphItems p, int b)
    {
        ref readonly var item = ref p.Items[b];
        if (item.Penalty > 0) return item.Penalty;
        return item.Kind == CharacterKind.Western && b + 1 < p.Items.Length && p.Items[b + 1].Kind == CharacterKind.Western ? ParagraphItems.HyphenPenalty : 0;
    }

    private static bool IsLoneCharacter(ParagraphItems p, int s, int e)
    {
        if (p.Items[s].Kind != CharacterKind.Han) return false;
        var content = 0;
        for (var k = s; k <= e && content < 2; k++)
            if (!p.Items[k].NoStart && p.Items[k].Kind != CharacterKind.Space) content++;
        return content == 1;
    }
}
