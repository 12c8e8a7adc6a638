namespace GptBook.Formulas;

internal enum MathTokenKind
{
    /// <summary>\name or \symbol; <see cref="MathToken.Text"/> is the name without the backslash.</summary>
    Command,
    Character,
    BeginGroup,
    EndGroup,
    Superscript,
    Subscript,
    Alignment,
    /// <summary>#1…#9 in a macro body; <see cref="MathToken.Text"/> is the digit.</summary>
    Parameter,
    Space,
}

/// <summary>One TeX token with where it came from in the formula source (for a macro's expansion: the macro's use).</summary>
internal readonly record struct MathToken(MathTokenKind Kind, string Text, int Offset, int Length)
{
    public bool IsCommand(string name) => Kind == MathTokenKind.Command && Text == name;

    public bool IsCharacter(char c) => Kind == MathTokenKind.Character && Text.Length == 1 && Text[0] == c;

    /// <summary>The token as TeX source again (for \text and error boxes).</summary>
    public string Source => Kind switch
    {
        MathTokenKind.Command => "\\" + Text,
        MathTokenKind.Parameter => "#" + Text,
        MathTokenKind.Space => " ",
        _ => Text,
    };
}
