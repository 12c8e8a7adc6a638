namespace GptBook.Fonts;

/// <summary>
/// The emoji sequences in a text that the emoji face draws as one glyph: ZWJ sequences (🧑‍💻, 👨‍👩‍👧), flags
/// (🇨🇳, a pair of regional indicators), keycaps (1️⃣) and skin-tone sequences (👍🏽), found by the face's own
/// ligatures (<see cref="GlyphLigatures"/>), longest first. Variation selectors are skipped while matching (the face
/// lists its sequences without them) and belong to the sequence they follow. A sequence the face has no ligature
/// for (a newer emoji than the face) is not found, and its parts are set one by one.
/// </summary>
public static class EmojiSequences
{
    /// <summary>The longest sequence looked for, in code points (a family of four with its joiners and selectors).</summary>
    private const int MaximumLength = 16;

    /// <summary>A sequence: <see cref="Length"/> UTF-16 units from <see cref="Start"/>, drawn as <see cref="Glyph"/> of the emoji face.</summary>
    public readonly record struct Sequence(int Start, int Length, int Glyph);

    /// <summary>
    /// Whether <paramref name="text"/> may hold a sequence at all: a joiner, a combining keycap, or a character of the
    /// emoji planes (U+1F000–U+1FBFF) or of the tags block. A cheap test, so that most text never reaches the face.
    /// </summary>
    public static bool MayHold(string text)
    {
        foreach (var c in text)
            if (c is '\u200D' or '\u20E3' or (>= '\uD83C' and <= '\uD83E') or '\uDB40') return true;
        return false;
    }

    /// <summary>The sequences of <paramref name="text"/> that <paramref name="emoji"/> has a glyph for, in order.</summary>
    public static List<Sequence> Find(string text, TrueTypeFont emoji)
    {
        var found = new List<Sequence>();
        if (!MayHold(text)) return found;
        var points = new List<(int Index, int CodePoint)>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            points.Add((i, char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i]));
        Span<int> glyphs = stackalloc int[MaximumLength];
        Span<int> pointOf = stackalloc int[MaximumLength];
        for (var p = 0; p < points.Count; p++)
        {
            if (IsSelector(points[p].CodePoint) || !emoji.HasGlyph(points[p].CodePoint)) continue;
            var count = 0;
            for (var q = p; q < points.Count && count < MaximumLength; q++)
            {
                if (IsSelector(points[q].CodePoint)) continue;
                var glyph = emoji.GlyphId(points[q].CodePoint);
                if (glyph == 0) break;
                glyphs[count] = glyph;
                pointOf[count++] = q;
            }
            if (emoji.Ligatures.Match(glyphs[..count]) is not { } ligature) continue;
            var last = pointOf[ligature.Length - 1];
            while (last + 1 < points.Count && IsSelector(points[last + 1].CodePoint)) last++;
            var end = last + 1 < points.Count ? points[last + 1].Index : text.Length;
            found.Add(new Sequence(points[p].Index, end - points[p].Index, ligature.Glyph));
            p = last;
        }
        return found;
    }

    private static bool IsSelector(int codePoint) => codePoint is 0xFE0E or 0xFE0F;
}
