using GptBook.Units;

namespace GptBook.Layout.Text;

/// <summary>
/// A box set inside a line like a character: <see cref="Width"/> wide, reaching <see cref="Ascent"/> above the
/// baseline and <see cref="Descent"/> below it, so a tall one makes its line taller. The composer never looks
/// inside it: it is measured, broken around and positioned, and the layout above the composer draws it (an
/// inline image, a piece of a formula).
/// <para>
/// <see cref="BreakBefore"/> and <see cref="BreakAfter"/> say whether a line may break on either side as far as
/// the object is concerned; the neighbours' own rules still apply (no break before a closing mark, after an
/// opening one). A gap where the object forbids the break takes no justification space either, so pieces of a
/// formula stay together. With <see cref="SpacedFromHan"/> the object is set apart from adjacent Han characters by
/// the Han–Latin spacing, as a Latin word is. <see cref="Text"/> is what copy-and-paste and assistive technology
/// get for it (alt text, a formula's source).
/// </para>
/// </summary>
public abstract record InlineObject(Length Width, Length Ascent, Length Descent, string Text)
{
    public bool BreakBefore { get; init; } = true;

    public bool BreakAfter { get; init; } = true;

    public bool SpacedFromHan { get; init; }
}
