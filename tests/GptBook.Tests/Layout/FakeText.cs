using GptBook.Layout;
using GptBook.Layout.Text;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Tests.Layout;

/// <summary>Fixed advances: Han and everything else 1 em, ASCII 0.5 em; the em box is 0.88 + 0.12. Every face has
/// every glyph unless <c>hasGlyph</c> says otherwise.</summary>
public sealed class FixedAdvanceMeasurer(Func<int, bool>? hasGlyph = null) : ITextMeasurer
{
    public double Advance(FontRole font, int codePoint) => codePoint < 0x80 ? 0.5 : 1.0;
    public bool HasGlyph(FontRole font, int codePoint) => hasGlyph?.Invoke(codePoint) ?? true;
    public double Ascent(FontRole font) => 0.88;
    public double Descent(FontRole font) => 0.12;
}

/// <summary>Breaks greedily after any character at the measure; one run per line and style stretch.</summary>
public sealed class FixedLineComposer(ITextMeasurer measurer) : ILineComposer
{
    public IReadOnlyList<ComposedLine> Compose(IReadOnlyList<StyledText> paragraph, Length measure, Length firstLineIndent, TextAlignment alignment = TextAlignment.Justify)
    {
        var lines = new List<ComposedLine>();
        var runs = new List<PositionedRun>();
        var x = firstLineIndent;
        var limit = measure;
        foreach (var part in paragraph)
        {
            var start = 0;
            var runX = x;
            for (var i = 0; i < part.Text.Length; i++)
            {
                var w = part.Style.Size * measurer.Advance(part.Style.Font, part.Text[i]);
                if (x + w > limit && x > Length.Zero)
                {
                    if (i > start) runs.Add(Run(part, start, i, runX, x));
                    lines.Add(Line(runs, measure, part.Style, false));
                    runs = [];
                    x = Length.Zero;
                    start = i;
                    runX = x;
                }
                x += w;
            }
            if (part.Text.Length > start) runs.Add(Run(part, start, part.Text.Length, runX, x));
        }
        lines.Add(Line(runs, x, paragraph.Count > 0 ? paragraph[^1].Style : new TextStyle(FontRole.SerifRegular, Length.Pt(10)), true));
        return lines;
    }

    public IReadOnlyList<ComposedLine> ComposeCode(IReadOnlyList<StyledText> line, Length measure) => Compose(line, measure, Length.Zero);

    private static PositionedRun Run(StyledText part, int from, int to, Length x, Length end)
    {
        var text = part.Text[from..to];
        return new PositionedRun(text, part.Style, x, end - x, Length.Zero, text);
    }

    private ComposedLine Line(List<PositionedRun> runs, Length width, TextStyle style, bool last) =>
        new(runs, width, style.Size * measurer.Ascent(style.Font), style.Size * measurer.Descent(style.Font), last);
}
