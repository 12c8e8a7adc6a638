using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Adds what is on a page but not of the text, all as artifacts: the running head (the book title on left-hand
/// pages, the current section on right-hand pages) centred above the type area over a hairline, the folio at the
/// outer corner of the same line, and crop marks (in registration colour) when asked for. The cover, blank pages and chapter-opening pages
/// (those where an h1 or a chapter begins) get neither head nor folio.
/// </summary>
public sealed class PageDecorator(LayoutContext context)
{
    private readonly LayoutStyle _style = context.Style;

    public void AddRunningHead(List<PageFragment> fragments, PageRegion region, string head, string folio)
    {
        var area = region.Area;
        var baseline = area.Y - Length.Mm(7);
        var ruleY = area.Y - Length.Mm(5);
        var headStyle = _style.RunningHead;
        // An emoji sequence the emoji face draws as one glyph is that glyph, as in running text; other variation
        // selectors and joiners are not drawn (FontFallbackChain.IsIgnorable).
        var parts = OutlineGlyphObject.WithEmojiSequences([new StyledText(Fit(head, headStyle, area.Width * 0.7), headStyle)], context.FontsForObjects)
            .Select(p => p.Object != null ? p : p with { Text = string.Concat(p.Text.EnumerateRunes().Where(r => !FontFallbackChain.IsIgnorable(r.Value)).Select(r => r.ToString())) })
            .ToArray();
        var headWidth = parts.Aggregate(Length.Zero, (w, p) => w + (p.Object?.Width ?? context.MeasureWidth(p.Text, headStyle)));
        var x = area.X + (area.Width - headWidth) / 2;
        foreach (var part in parts)
        {
            if (part.Object is OutlineGlyphObject glyph)
            {
                fragments.Add(new OutlineGlyphFragment(glyph.Face, glyph.GlyphId, glyph.Text, glyph.Size, x, baseline, null));
                x += glyph.Width;
                continue;
            }
            foreach (var run in RunsByFace(part.Text, headStyle))
            {
                fragments.Add(new TextFragment(run, x, baseline, null, TextColor.Muted));
                x += run.Width;
            }
        }
        var folioWidth = context.MeasureWidth(folio, _style.Folio);
        var folioX = region.IsRightHand ? area.Right - folioWidth : area.X;
        fragments.Add(new TextFragment(Run(folio, _style.Folio, folioWidth), folioX, baseline, null));
        fragments.Add(new RuleFragment(area.X, ruleY, area.Right, ruleY, Length.Pt(0.4)));
    }

    public void AddCropMarks(List<PageFragment> fragments)
    {
        var g = context.Geometry;
        if (g.MarkArea <= Length.Zero) return;
        var trim = g.TrimBox;
        var gap = g.Bleed + Length.Pt(2);
        var len = g.MarkArea - Length.Pt(4);
        var t = Length.Pt(0.25);
        foreach (var x in new[] { trim.X, trim.Right })
        foreach (var y in new[] { trim.Y, trim.Bottom })
        {
            var sx = x == trim.X ? -1 : 1;
            var sy = y == trim.Y ? -1 : 1;
            fragments.Add(new CropMarkFragment(x + sx * gap, y, x + sx * (gap + len), y, t));
            fragments.Add(new CropMarkFragment(x, y + sy * gap, x, y + sy * (gap + len), t));
        }
    }

    private static PositionedRun Run(string text, TextStyle style, Length width) => new(text, style, Length.Zero, width, Length.Zero, text);

    /// <summary>
    /// The head in runs of one face each, as the fallback chain picks them (a section title may hold an emoji or a
    /// rare Han character the head's face lacks): drawn in the head's face alone, those would print as boxes.
    /// </summary>
    private IEnumerable<PositionedRun> RunsByFace(string text, TextStyle style)
    {
        var start = 0;
        FontRole? face = null;
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var resolved = context.Measurer.ResolveFace(style.Font, rune.Value);
            if (face != null && resolved != face)
            {
                yield return FaceRun(text[start..position], style with { Font = face.Value });
                start = position;
            }
            face = resolved;
            position += rune.Utf16SequenceLength;
        }
        if (face != null) yield return FaceRun(text[start..], style with { Font = face.Value });
    }

    private PositionedRun FaceRun(string text, TextStyle style) => Run(text, style, context.MeasureWidth(text, style));

    /// <summary>Shortens a long section title with an ellipsis so the head stays on one line.</summary>
    private string Fit(string text, TextStyle style, Length room)
    {
        if (context.MeasureWidth(text, style) <= room) return text;
        var runes = text.EnumerateRunes().ToList();
        for (var n = runes.Count - 1; n > 0; n--)
        {
            var candidate = string.Concat(runes.Take(n).Select(r => r.ToString())) + "…";
            if (context.MeasureWidth(candidate, style) <= room) return candidate;
        }
        return "…";
    }
}
