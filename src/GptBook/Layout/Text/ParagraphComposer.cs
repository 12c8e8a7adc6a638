using System.Text;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Layout.Text;

/// <summary>
/// Breaks a paragraph into lines and positions its runs, following docs/typesetting.md: breaks between
/// Han characters and at spaces, never inside Latin words or numbers; clreq "basic" line-start and line-end
/// prohibitions; —— and …… kept whole; 1/4 em between Han and Latin letters or digits (a source space there is
/// collapsed into it); a full-width mark at a line end trimmed to half width, and other marks compressed before a
/// character is pushed to the next line (先挤进，后推出); every line but the last justified by spreading space
/// between characters and at spaces. Over-long words and URLs break at / . - ? &amp; _ = # or, failing that, anywhere.
/// <para>
/// Prose is broken by <see cref="TotalFitLineBreaker"/> (the least total spreading and squeezing over the
/// paragraph); code, and prose that cannot be set that way, first-fit: each line takes the longest run of items
/// that fits. Widths come from prefix sums, so a paragraph costs time linear in its length times the items per
/// line. Deterministic: no culture, no hashing, only the measurer's advances.
/// </para>
/// <para>
/// An <see cref="InlineObject"/> is set like one character of its width, in a run of its own, and its ascent and
/// descent count towards its line's.
/// </para>
/// </summary>
public sealed class ParagraphComposer(ITextMeasurer measurer)
{
    private const double Epsilon = 1e-6;

    public IReadOnlyList<ComposedLine> Compose(IReadOnlyList<StyledText> text, ParagraphSettings settings)
    {
        var paragraph = ParagraphItems.Measure(text, settings, measurer);
        if (paragraph.Segments.Count == 0) return [];
        var lines = new List<ComposedLine>();
        var builder = new StringBuilder();
        for (var n = 0; n < paragraph.Segments.Count; n++)
        {
            var segment = paragraph.Segments[n];
            var finalSegment = n == paragraph.Segments.Count - 1;
            if (segment.Start == segment.End)
            {
                var style = text[segment.StyleSource].Style;
                lines.Add(new ComposedLine([], Length.Zero, Length.Pt(measurer.Ascent(style.Font) * style.Size.Points),
                    Length.Pt(measurer.Descent(style.Font) * style.Size.Points), finalSegment));
                continue;
            }
            BreakSegment(paragraph, segment, text, settings, n == 0, finalSegment, lines, builder);
        }
        return lines;
    }

    private void BreakSegment(ParagraphItems p, ParagraphItems.Segment segment, IReadOnlyList<StyledText> text,
        ParagraphSettings settings, bool firstSegment, bool finalSegment, List<ComposedLine> lines, StringBuilder builder)
    {
        var breaks = settings.CodeWrap
            ? FirstFit(p, segment, settings, firstSegment)
            : TotalFitLineBreaker.Break(p, segment, settings, firstSegment) ?? FirstFitAvoidingLoneCharacter(p, segment, settings, firstSegment);
        foreach (var line in breaks)
        {
            var lastOfSegment = line.End == segment.End - 1;
            lines.Add(Arrange(p, text, settings, line.Start, line.End, line.Indent, line.Avail, lastOfSegment,
                lastOfSegment && finalSegment, line.WithMark, builder));
        }
    }

    private static List<ChosenLine> FirstFitAvoidingLoneCharacter(ParagraphItems p, ParagraphItems.Segment segment, ParagraphSettings settings, bool firstSegment)
    {
        var breaks = FirstFit(p, segment, settings, firstSegment);
        AvoidLoneLastCharacter(p, segment, breaks);
        return breaks;
    }

    /// <summary>Each line takes the longest run of items that fits (code, and the fallback when total fit finds no feasible set).</summary>
    private static List<ChosenLine> FirstFit(ParagraphItems p, ParagraphItems.Segment segment, ParagraphSettings settings, bool firstSegment)
    {
        var code = settings.CodeWrap;
        var measure = settings.Measure.Points;
        var breaks = new List<ChosenLine>();
        var s = segment.Start;
        while (s < segment.End)
        {
            var indent = breaks.Count == 0 && firstSegment ? settings.FirstLineIndent.Points : 0;
            var avail = measure - indent;
            ChosenLine line;
            if (code && p.Natural(s, segment.End - 1) > avail + Epsilon)
            {
                // A wrapped code line leaves room for the continuation mark.
                var b = ChooseBreak(p, s, segment.End, avail - p.MarkWidth, code: true);
                line = b < segment.End - 1 ? new ChosenLine(s, b, indent, avail - p.MarkWidth, true) : new ChosenLine(s, b, indent, avail, false);
            }
            else
                line = new ChosenLine(s, code ? segment.End - 1 : ChooseBreak(p, s, segment.End, avail, code: false), indent, avail, false);
            breaks.Add(line);
            s = NextLineStart(p, line.End, segment.End, code);
        }
        return breaks;
    }

    private static int NextLineStart(ParagraphItems p, int b, int end, bool code) =>
        code ? b + 1 : TotalFitLineBreaker.NextLineStart(p, b, end);

    /// <summary>
    /// A paragraph should not end with a line holding a single Han character (and its punctuation), 段末孤字:
    /// the line before it gives up a character (or the word before it), if that leaves it at most three ems to spread.
    /// </summary>
    private static void AvoidLoneLastCharacter(ParagraphItems p, ParagraphItems.Segment segment, List<ChosenLine> breaks)
    {
        if (breaks.Count < 2) return;
        var last = breaks[^1];
        var content = 0;
        for (var k = last.Start; k <= last.End; k++)
            if (!p.Items[k].NoStart && p.Items[k].Kind != CharacterKind.Space) content++;
        if (content != 1 || p.Items[last.Start].Kind != CharacterKind.Han) return;

        var previous = breaks[^2];
        var em = p.Items[previous.Start].Size;
        // Narrower than the line as it stands, so that at least one break opportunity moves down.
        var narrower = Math.Min(previous.Avail - em, p.Width(previous.Start, p.ContentEnd(previous.Start, previous.End)) - 0.01);
        var b = ChooseBreak(p, previous.Start, segment.End, narrower, code: false, squeeze: false);
        if (b >= previous.End || b < previous.Start) return;
        var contentEnd = p.ContentEnd(previous.Start, b);
        if (p.Width(previous.Start, contentEnd) < previous.Avail - 3 * em) return;
        var s = NextLineStart(p, b, segment.End, false);
        if (p.Width(s, p.ContentEnd(s, segment.End - 1)) > last.Avail + Epsilon) return;
        breaks[^2] = previous with { End = b };
        breaks[^1] = last with { Start = s };
    }

    /// <summary>
    /// The last item of the line starting at <paramref name="s"/>: the last allowed break that fits without
    /// squeezing; but when that would push characters out only because the next one may not start a line, the
    /// first later break that fits by compressing punctuation and spaces (push in first, then push out). Inside a
    /// word longer than the line, the last item that fits.
    /// </summary>
    private static int ChooseBreak(ParagraphItems p, int s, int end, double avail, bool code, bool squeeze = true)
    {
        int bestNatural = -1, pushIn = -1, overflow = -1;
        for (var i = s; i < end; i++)
        {
            var natural = p.Natural(s, i);
            if (overflow < 0 && natural > avail + Epsilon) overflow = i;
            if (i == end - 1 || p.Items[i].BreakAfter)
            {
                var contentEnd = code ? i : p.ContentEnd(s, i);
                var width = code ? natural : p.Width(s, contentEnd);
                if (width <= avail + Epsilon) bestNatural = i;
                else if (!code && squeeze && pushIn < 0 && width - p.Shrinkable(s, contentEnd) <= avail + Epsilon) pushIn = i;
            }
            // No later break can fit once even the squeezed, trimmed width is past the measure.
            if (overflow >= 0 && natural - (code ? 0 : p.Shrinkable(s, i) + p.Items[i].Size / 2) > avail + Epsilon) break;
        }
        if (overflow < 0 || bestNatural >= overflow - 1) return Math.Max(bestNatural, s);
        // Squeeze only to keep a prohibited character (or a pair) from starting the next line, not to pull in a word.
        var prohibited = overflow > s && !(p.Items[overflow - 1].Kind == CharacterKind.Western && p.Items[overflow].Kind == CharacterKind.Western);
        if (prohibited && pushIn > bestNatural) return pushIn;
        if (bestNatural >= 0) return bestNatural;
        // Nothing fits as it stands: squeezing beats cutting a word.
        if (pushIn >= 0) return pushIn;
        // Cut where the line overflows, but never inside a group of inline objects bound together: the group overflows instead.
        var cut = Math.Max(s, overflow - 1);
        while (cut < end - 1 && p.ObjectBindsAfter(s, cut)) cut++;
        return cut;
    }

    private ComposedLine Arrange(ParagraphItems p, IReadOnlyList<StyledText> text, ParagraphSettings settings,
        int s, int b, double indent, double avail, bool lastOfSegment, bool isLast, bool withMark, StringBuilder builder)
    {
        var code = settings.CodeWrap;
        var e = code ? b : p.ContentEnd(s, b);
        var gaps = new double[Math.Max(0, e - s)];
        for (var k = s; k < e; k++) gaps[k - s] = p.Items[k].Glue;
        var trim = code ? 0 : p.Trim(e);
        var natural = code ? p.Natural(s, e) : p.Width(s, e);
        var slack = avail - natural;

        if (slack < -Epsilon && !code)
        {
            var squeeze = Justification.Of(p, s, e, slack);
            for (var k = s; k < e; k++)
                gaps[k - s] -= p.Items[k].Shrink * squeeze.SpaceRatio + p.Items[k].PunctuationShrink * squeeze.PunctuationRatio;
            slack = Math.Min(0, squeeze.Rest);
        }
        else if (slack > Epsilon && settings.Alignment == TextAlignment.Justify && !lastOfSegment && !code)
        {
            var spread = Justification.Of(p, s, e, slack);
            for (var k = s; k < e; k++)
            {
                ref readonly var item = ref p.Items[k];
                gaps[k - s] += item.StretchMax * item.Gap switch
                {
                    ParagraphItems.GapKind.HanLatin => spread.HanLatinRatio,
                    ParagraphItems.GapKind.WordSpace => spread.WordSpaceRatio,
                    ParagraphItems.GapKind.Character => spread.CharacterRatio,
                    _ => 0,
                };
            }
            slack = spread.Rest;
            // Past the limits (no better breaks existed): evenly over every gap that may widen, so that no one kind
            // takes it all; a line with none stays ragged rather than letter-spaced.
            var count = 0;
            for (var k = s; k < e; k++) if (p.Items[k].Gap != ParagraphItems.GapKind.None) count++;
            if (slack > Epsilon && count > 0)
            {
                for (var k = s; k < e; k++) if (p.Items[k].Gap != ParagraphItems.GapKind.None) gaps[k - s] += slack / count;
                slack = 0;
            }
        }

        var offset = indent + (settings.Alignment switch
        {
            TextAlignment.Center when !withMark => Math.Max(0, slack) / 2,
            TextAlignment.End when !withMark => Math.Max(0, slack),
            _ => 0,
        });

        var runs = new List<PositionedRun>();
        double ascent = 0, descent = 0, strutAscent = 0, strutDescent = 0;
        var x = offset;
        var k0 = s;
        while (k0 <= e)
        {
            var first = p.Items[k0];
            var spacing = k0 < e ? gaps[k0 - s] : 0;
            var k1 = k0;
            double width = first.Advance;
            // A gap unlike the one after it (Han–Latin spacing before a word) ends a one-character run, so that
            // runs keep words whole and break where the spacing changes.
            var single = k0 + 1 < e && gaps[k0 + 1 - s] != spacing
                && !(first.Kind == CharacterKind.Western && p.Items[k0 + 1].Kind == CharacterKind.Western);
            while (!single && k1 < e && gaps[k1 - s] == spacing && p.Items[k1 + 1].Source == first.Source && p.Items[k1 + 1].Face == first.Face
                   && !first.Missing && !p.Items[k1 + 1].Missing && first.Kind != CharacterKind.Object && p.Items[k1 + 1].Kind != CharacterKind.Object)
            {
                // Nor does a run take in the first letter of a word whose own spacing differs.
                var next = k1 + 1;
                if (next < e && gaps[next - s] != spacing && p.Items[next].Kind == CharacterKind.Western && p.Items[next + 1].Kind == CharacterKind.Western) break;
                k1++;
                width += spacing + p.Items[k1].Advance;
            }
            if (k1 == k0) spacing = 0;
            if (k1 == e) width -= trim;
            if (text[first.Source].Object is { } inlineObject && first.Kind == CharacterKind.Object)
            {
                runs.Add(new PositionedRun("", text[first.Source].Style, Length.Pt(x), Length.Pt(width), Length.Zero, inlineObject.Text) { Object = inlineObject });
                ascent = Math.Max(ascent, inlineObject.Ascent.Points);
                descent = Math.Max(descent, inlineObject.Descent.Points);
                strutAscent = Math.Max(strutAscent, measurer.Ascent(first.Face) * first.Size);
                strutDescent = Math.Max(strutDescent, measurer.Descent(first.Face) * first.Size);
                x += width + (k1 < e ? gaps[k1 - s] : 0);
                k0 = k1 + 1;
                continue;
            }
            builder.Clear();
            for (var k = k0; k <= k1; k++) p.AppendText(builder, k, text);
            var sourceText = builder.ToString();
            var runText = sourceText;
            if (k1 == e && !code && p.Items[e].HyphenAfter && !lastOfSegment)
            {
                // The hyphen of a hyphenated word is drawn but is not part of the text.
                runText += "-";
                width += p.HyphenWidth(e);
            }
            var style = text[first.Source].Style;
            if (style.Font != first.Face) style = style with { Font = first.Face };
            runs.Add(new PositionedRun(runText, style, Length.Pt(x), Length.Pt(width), Length.Pt(spacing), sourceText));
            strutAscent = Math.Max(strutAscent, measurer.Ascent(first.Face) * first.Size);
            strutDescent = Math.Max(strutDescent, measurer.Descent(first.Face) * first.Size);
            x += width + (k1 < e ? gaps[k1 - s] : 0);
            k0 = k1 + 1;
        }

        if (withMark)
        {
            var last = p.Items[e];
            var style = text[last.Source].Style with { Font = p.MarkFace };
            runs.Add(new PositionedRun(settings.ContinuationMark, style, Length.Pt(indent + avail), Length.Pt(p.MarkWidth), Length.Zero, ""));
            strutAscent = Math.Max(strutAscent, measurer.Ascent(p.MarkFace) * last.Size);
            strutDescent = Math.Max(strutDescent, measurer.Descent(p.MarkFace) * last.Size);
            x = indent + avail + p.MarkWidth;
        }
        return new ComposedLine(runs, Length.Pt(x), Length.Pt(Math.Max(ascent, strutAscent)), Length.Pt(Math.Max(descent, strutDescent)), isLast)
        {
            StrutAscent = Length.Pt(strutAscent), StrutDescent = Length.Pt(strutDescent),
        };
    }
}
