using GptBook.Fonts;
using GptBook.Layout.Text;

namespace GptBook.Epub.Cover;

/// <summary>
/// Breaks cover text into lines no wider than a limit. Han characters may break anywhere, Latin words and numbers
/// stay whole, spaces are break opportunities that vanish at line ends, and the book's line-breaking rules hold as
/// in the PDF's text (<see cref="ChineseLineBreakRules"/>): what may not start a line (closing punctuation, 】〉 %)
/// stays with the character before it, and what may not end one (opening punctuation, 《（“) goes to the next line
/// with the character after it.
/// </summary>
public static class CoverTextWrapper
{
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
            if (!isSpace && current.Count > 0 && width + tokenWidth > maxWidthUnits && !ChineseLineBreakRules.IsNoStart(token[0]))
            {
                // Opening marks at the end of the line go down with what they open, unless they are all it holds.
                var carried = 0;
                while (carried < current.Count && ChineseLineBreakRules.IsNoEnd(current[current.Count - 1 - carried])) carried++;
                if (carried == current.Count) carried = 0;
                var next = current.GetRange(current.Count - carried, carried);
                current.RemoveRange(current.Count - carried, carried);
                lines.Add(Trimmed(current, font));
                current = next;
                width = next.Sum(cp => Advance(font, cp));
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
