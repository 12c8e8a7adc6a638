using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Layout.Text;

/// <summary>
/// One line of a composed paragraph. Run positions are relative to the line's start (the left edge of the measure;
/// a first-line indent or a centring offset is already in the runs' X). <see cref="Width"/> is where the line's
/// last run ends: the measure for justified lines, less for a last line or a line ended by a hard break.
/// <see cref="IsLast"/> is true only for the paragraph's final line. <see cref="Ascent"/> and <see cref="Descent"/>
/// are the line's extent, inline objects included; <see cref="StrutAscent"/> and <see cref="StrutDescent"/> are
/// those of its text alone (of the font around its objects, for a line of objects only), which the leading is
/// measured from.
/// </summary>
public sealed record ComposedLine(IReadOnlyList<PositionedRun> Runs, Length Width, Length Ascent, Length Descent, bool IsLast)
{
    private readonly Length? _strutAscent;
    private readonly Length? _strutDescent;

    public Length StrutAscent { get => _strutAscent ?? Ascent; init => _strutAscent = value; }

    public Length StrutDescent { get => _strutDescent ?? Descent; init => _strutDescent = value; }
}

/// <summary>
/// Text drawn from <see cref="X"/> in one style, with <see cref="LetterSpacing"/> added after every character but
/// the last (how justification and Han–Latin spacing are carried; negative where punctuation is compressed).
/// Characters advance by the font's own advance widths (hmtx, no kerning), so a run drawn glyph by glyph at
/// X + Σ(advance + LetterSpacing) lands where the composer measured it. <see cref="Width"/> includes that spacing;
/// when the run ends a line with a full-width closing mark (，。」…), the mark's blank right half is trimmed and not
/// counted, so the glyph's advance box reaches half an em past Width while its ink stays inside.
/// <see cref="Style"/>'s font is the face that actually has the characters (Han in code: Noto Serif SC), as
/// <see cref="ITextMeasurer.ResolveFace"/> decided.
/// <see cref="SourceText"/> is what copy-and-paste should give (it differs from <see cref="Text"/> only where a
/// mark was added, such as the code-continuation mark, whose SourceText is empty).
/// A run with an <see cref="Object"/> holds that one inline object, its left edge at X on the baseline, and draws
/// no text (<see cref="Text"/> is empty; <see cref="SourceText"/> is the object's text).
/// </summary>
public sealed record PositionedRun(string Text, TextStyle Style, Length X, Length Width, Length LetterSpacing, string SourceText)
{
    public InlineObject? Object { get; init; }
}
