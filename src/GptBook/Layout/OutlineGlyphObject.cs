using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// One glyph that no character maps to, set on the line like a character: an emoji sequence's ligature
/// (🧑‍💻 as one technologist, not 🧑 and 💻 side by side). <see cref="Text"/> is the whole sequence, which the
/// PDF's text layer keeps for copying and search.
/// </summary>
public sealed record OutlineGlyphObject(FontRole Face, int GlyphId, Length Size, Length Width, Length Ascent, Length Descent, string Text)
    : DrawnInlineObject(Width, Ascent, Descent, Text)
{
    public override IEnumerable<PageFragment> Fragments(Length x, Length baseline, StructureNode structure)
    {
        yield return new OutlineGlyphFragment(Face, GlyphId, Text, Size, x, baseline, structure);
    }

    /// <summary>
    /// The sequences of <paramref name="text"/> that the emoji face draws as one glyph (<see cref="EmojiSequences"/>)
    /// as objects of their own, the text around them as it was; <paramref name="text"/> itself when there are none.
    /// </summary>
    public static IReadOnlyList<StyledText> WithEmojiSequences(IReadOnlyList<StyledText> text, Func<FontSet> fonts)
    {
        var any = false;
        foreach (var part in text) any |= part.Object == null && EmojiSequences.MayHold(part.Text);
        if (!any) return text;
        var emoji = fonts().Font(FontRole.Emoji);
        var result = new List<StyledText>(text.Count + 2);
        foreach (var part in text)
        {
            var found = part.Object == null ? EmojiSequences.Find(part.Text, emoji) : [];
            if (found.Count == 0)
            {
                result.Add(part);
                continue;
            }
            var at = 0;
            foreach (var sequence in found)
            {
                if (sequence.Start > at) result.Add(part with { Text = part.Text[at..sequence.Start] });
                result.Add(StyledText.For(Of(emoji, sequence.Glyph, part.Text.Substring(sequence.Start, sequence.Length), part.Style.Size), part.Style));
                at = sequence.Start + sequence.Length;
            }
            if (at < part.Text.Length) result.Add(part with { Text = part.Text[at..] });
        }
        return result;
    }

    /// <summary>The glyph at <paramref name="size"/>: as wide as its advance, as tall and deep as its ink.</summary>
    private static OutlineGlyphObject Of(TrueTypeFont face, int glyph, string text, Length size)
    {
        var unit = size / face.UnitsPerEm;
        var (_, yMin, _, yMax) = face.GlyphBounds(glyph);
        return new OutlineGlyphObject(FontRole.Emoji, glyph, size, unit * face.AdvanceWidth(glyph), unit * Math.Max(0, yMax), unit * Math.Max(0, -yMin), text);
    }
}
