namespace GptBook.Formulas;

/// <summary>
/// The alphabet commands and how each maps letters, digits and Greek to Unicode's Mathematical Alphanumeric
/// Symbols (U+1D400…), including the letters Unicode placed earlier (ℝ, ℋ, ℎ, …). \mathrm only sets letters upright.
/// </summary>
internal enum MathAlphabet
{
    None,
    Roman,
    Bold,
    Italic,
    BoldItalic,
    Script,
    DoubleStruck,
    Fraktur,
    SansSerif,
    Monospace,
}

internal static class MathAlphabets
{
    public static bool TryGet(string command, out MathAlphabet alphabet)
    {
        alphabet = command switch
        {
            "mathrm" or "rm" or "mathup" or "textrm" or "mathnormal" => MathAlphabet.Roman,
            "mathbf" or "bf" or "textbf" => MathAlphabet.Bold,
            "mathit" or "it" or "textit" => MathAlphabet.Italic,
            "boldsymbol" or "bm" or "pmb" => MathAlphabet.BoldItalic,
            "mathcal" or "mathscr" or "cal" => MathAlphabet.Script,
            "mathbb" or "Bbb" => MathAlphabet.DoubleStruck,
            "mathfrak" or "frak" => MathAlphabet.Fraktur,
            "mathsf" or "sf" or "textsf" => MathAlphabet.SansSerif,
            "mathtt" or "tt" or "texttt" => MathAlphabet.Monospace,
            _ => MathAlphabet.None,
        };
        return alphabet != MathAlphabet.None;
    }

    /// <summary>The text of one character in an alphabet, and whether the result is to be shown as stored (upright).</summary>
    public static (string Text, MathVariant Variant) Apply(MathAlphabet alphabet, string text, MathVariant variant)
    {
        if (alphabet == MathAlphabet.None || text.Length != 1) return (text, variant);
        var c = text[0];
        if (alphabet == MathAlphabet.Roman)
            return (text, char.IsLetter(c) ? MathVariant.Upright : variant);
        var mapped = Map(alphabet, c);
        return mapped is null ? (text, variant) : (mapped, MathVariant.Upright);
    }

    private static string? Map(MathAlphabet alphabet, char c)
    {
        if (Exceptions.TryGetValue((alphabet, c), out var special)) return special.ToString();
        int? upper = null, lower = null, digit = null, greekUpper = null, greekLower = null;
        switch (alphabet)
        {
            case MathAlphabet.Bold: upper = 0x1D400; lower = 0x1D41A; digit = 0x1D7CE; greekUpper = 0x1D6A8; greekLower = 0x1D6C2; break;
            case MathAlphabet.Italic: upper = 0x1D434; lower = 0x1D44E; greekUpper = 0x1D6E2; greekLower = 0x1D6FC; break;
            case MathAlphabet.BoldItalic: upper = 0x1D468; lower = 0x1D482; digit = 0x1D7CE; greekUpper = 0x1D71C; greekLower = 0x1D736; break;
            case MathAlphabet.Script: upper = 0x1D49C; lower = 0x1D4B6; break;
            case MathAlphabet.DoubleStruck: upper = 0x1D538; lower = 0x1D552; digit = 0x1D7D8; break;
            case MathAlphabet.Fraktur: upper = 0x1D504; lower = 0x1D51E; break;
            case MathAlphabet.SansSerif: upper = 0x1D5A0; lower = 0x1D5BA; digit = 0x1D7E2; break;
            case MathAlphabet.Monospace: upper = 0x1D670; lower = 0x1D68A; digit = 0x1D7F6; break;
        }
        int? code = c switch
        {
            >= 'A' and <= 'Z' when upper is not null => upper + (c - 'A'),
            >= 'a' and <= 'z' when lower is not null => lower + (c - 'a'),
            >= '0' and <= '9' when digit is not null => digit + (c - '0'),
            >= 'Α' and <= 'Ω' when greekUpper is not null && c != '\u03A2' => greekUpper + (c - 'Α'),
            >= 'α' and <= 'ω' when greekLower is not null => greekLower + (c - 'α'),
            _ => null,
        };
        return code is null ? null : char.ConvertFromUtf32(code.Value);
    }

    /// <summary>The letters that were in Unicode before the mathematical block and left holes in it.</summary>
    private static readonly Dictionary<(MathAlphabet, char), char> Exceptions = new()
    {
        [(MathAlphabet.Italic, 'h')] = 'ℎ',
        [(MathAlphabet.Script, 'B')] = 'ℬ', [(MathAlphabet.Script, 'E')] = 'ℰ', [(MathAlphabet.Script, 'F')] = 'ℱ',
        [(MathAlphabet.Script, 'H')] = 'ℋ', [(MathAlphabet.Script, 'I')] = 'ℐ', [(MathAlphabet.Script, 'L')] = 'ℒ',
        [(MathAlphabet.Script, 'M')] = 'ℳ', [(MathAlphabet.Script, 'R')] = 'ℛ', [(MathAlphabet.Script, 'e')] = 'ℯ',
        [(MathAlphabet.Script, 'g')] = 'ℊ', [(MathAlphabet.Script, 'o')] = 'ℴ',
        [(MathAlphabet.DoubleStruck, 'C')] = 'ℂ', [(MathAlphabet.DoubleStruck, 'H')] = 'ℍ', [(MathAlphabet.DoubleStruck, 'N')] = 'ℕ',
        [(MathAlphabet.DoubleStruck, 'P')] = 'ℙ', [(MathAlphabet.DoubleStruck, 'Q')] = 'ℚ', [(MathAlphabet.DoubleStruck, 'R')] = 'ℝ',
        [(MathAlphabet.DoubleStruck, 'Z')] = 'ℤ',
        [(MathAlphabet.Fraktur, 'C')] = 'ℭ', [(MathAlphabet.Fraktur, 'H')] = 'ℌ', [(MathAlphabet.Fraktur, 'I')] = 'ℑ',
        [(MathAlphabet.Fraktur, 'R')] = 'ℜ', [(MathAlphabet.Fraktur, 'Z')] = 'ℨ',
    };
}
