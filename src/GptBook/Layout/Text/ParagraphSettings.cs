using GptBook.Units;

namespace GptBook.Layout.Text;

/// <summary>How the lines of a paragraph are aligned within the measure.</summary>
public enum TextAlignment
{
    /// <summary>Every line but the last (and a line ended by a hard break) fills the measure exactly.</summary>
    Justify,
    Start,
    Center,
    End,
}

/// <summary>
/// How <see cref="ParagraphComposer"/> sets one paragraph. <see cref="Measure"/> is the full line length; the first
/// line starts <see cref="FirstLineIndent"/> in (2 em for Chinese body paragraphs) and is that much shorter.
/// With <see cref="CodeWrap"/> the text is code: spaces are kept as they are, no Chinese spacing or punctuation
/// compression is applied, lines break anywhere at the measure and each wrapped line ends with
/// <see cref="ContinuationMark"/>, set flush right inside the measure and not part of the source text.
/// </summary>
public sealed record ParagraphSettings(Length Measure)
{
    public Length FirstLineIndent { get; init; } = Length.Zero;

    public TextAlignment Alignment { get; init; } = TextAlignment.Justify;

    public bool CodeWrap { get; init; }

    /// <summary>U+23CE RETURN SYMBOL: JetBrains Mono lacks ↩ and ⏎, so this one is drawn from Noto Serif SC.</summary>
    public string ContinuationMark { get; init; } = "\u23CE";

    /// <summary>Space between a Han character and an adjacent Latin letter or digit, in em (clreq: up to 1/4 em).</summary>
    public double HanLatinSpacing { get; init; } = 0.25;

    /// <summary>Tab stops in code, in characters.</summary>
    public int TabSize { get; init; } = 4;

    /// <summary>Body text: justified with the given first-line indent.</summary>
    public static ParagraphSettings Body(Length measure, Length firstLineIndent) => new(measure) { FirstLineIndent = firstLineIndent };

    /// <summary>A code block: monospace lines wrapped at the measure with a continuation mark.</summary>
    public static ParagraphSettings Code(Length measure) => new(measure) { Alignment = TextAlignment.Start, CodeWrap = true };
}
