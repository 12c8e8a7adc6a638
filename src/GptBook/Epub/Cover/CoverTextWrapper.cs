using GptBook.Fonts;

namespace GptBook.Epub.Cover;

/// <summary>
/// Breaks cover text into lines no wider than a limit. Han characters may break anywhere, Latin words and numbers
/// stay whole, spaces are break opportunities that vanish at line ends, and closing punctuation never starts a
/// line (it stays with the character before it).
/// </summary>
public static class CoverTextWrapper
{
    private const string NoLineStart = "，。、；：！？）》」』”’·…—,.;:!?)]}%";

    public static IReadOnlyList<CoverTextLine> Wrap(string text, TrueTypeFont font, double maxWidthUnits)
    {
        var lines = new List<CoverTextLine>();
        var current = new List<int>();
        double width = 0;
        foreach (var token in Tokens(text))
        {
            var tokenWidth = token.Sum(cp => Advance(font, cp));
            var isSpace = token.All(c => c == ' ');
            if (isSpace && current.Count == 0) continue;
            if (!isSpace && current.Count > 0 && width + tokenWidth > maxWidthUnits && !NoLineStart.Contains(char.ConvertFromUtf32(token[0])))
            {
                lines.Add(Trimmed(current, font));
                current = [];
                width = 0;
            }
            current.AddRange(token);
            width += tokenWidth;
        }
        if (current.Count > 0) lines.Add(Trimmed(current, font));
        return lines;
    }

    private static CoverTextLine Trimmed(List<int> codePoints, TrueTypeFont font)
    {
        var end = codePoints.Count;
        while (end > 0 && codePoints[end - 1] == ' ') end--;
        var kept = codePoints.Take(end).ToArray();
        return new CoverTextLine(kept, kept.Sum(cp => Advance(font, cp)));
    }

    public static double Advance(TrueTypeFont font, int codePoint) => font.AdvanceWidth(font.GlyphId(codePoint));

    /// <summary>Each Han or full-width character alone; runs of other letters and digits together; each space alone.</summary>
    private static IEnumerable<int[]> Tokens(string text)
    {
        var word = new List<int>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var cp = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : char.IsSurrogate(text[i]) ? 0xFFFD : text[i];
            if (cp is '\u3000' or '\n' or '\t' or '\r') cp = ' ';
            if (cp == ' ' || cp >= 0x2E80)
            {
                if (word.Count > 0)
                {
                    yield return word.ToArray();
                    word.Clear();
                }
                yield return [cp];
            }
            else word.Add(cp);
        }
        if (word.Count > 0) yield return word.ToArray();
    }
}
