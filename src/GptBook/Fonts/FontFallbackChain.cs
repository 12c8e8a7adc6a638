namespace GptBook.Fonts;

/// <summary>
/// Which bundled face draws a character that the face a style asks for lacks: the one rule that measuring,
/// drawing, subsetting and the EPUB's and site's CSS stacks all follow (<see cref="FontSet.ResolveFace"/> applies
/// it; <see cref="CssStack"/> names the same faces in the same order for browsers and readers).
/// <para>
/// A character the requested face has stays with it. Otherwise the faces are tried in this order: Noto Serif SC
/// Regular (Han in code, CJK punctuation in a Latin face), Noto Serif (Latin, Greek, Cyrillic, modifier letters),
/// Noto Sans Math, Noto Sans Symbols 2, Noto Emoji, HanaMinB (Han Extensions B–F). A character with default emoji
/// presentation (😀, ✅, ⭐) goes to Noto Emoji first, before even the requested face, so that an SC face's small
/// text-style glyph does not stand in for an emoji.
/// </para>
/// <para>
/// Each fallback face is only asked about the Unicode blocks it is there for (<see cref="MayCover"/>), so a face is
/// read from disk the first time a character of its blocks is missing from the faces before it, and a book without
/// such characters never reads it (HanaMinB alone is 30 MB).
/// </para>
/// </summary>
public static class FontFallbackChain
{
    /// <summary>The faces the layout's styles ask for.</summary>
    public static IReadOnlyList<FontRole> Primary { get; } = [FontRole.SerifRegular, FontRole.SerifBold, FontRole.SansBold, FontRole.Mono, FontRole.MonoBold];

    /// <summary>The fallback faces, in the order they are tried after the requested face and Noto Serif SC Regular.</summary>
    public static IReadOnlyList<FontRole> Fallbacks { get; } =
        [FontRole.LatinSerif, FontRole.Math, FontRole.Symbols, FontRole.Emoji, FontRole.HanExtension];

    /// <summary>
    /// Characters that carry nothing to draw on their own in print: variation selectors (U+FE0E text style, U+FE0F
    /// emoji style) and the zero-width joiner of emoji sequences. Without a shaping engine a ZWJ sequence prints as
    /// its parts, side by side.
    /// </summary>
    public static bool IsIgnorable(int codePoint) => codePoint is 0xFE0E or 0xFE0F or 0x200D;

    /// <summary>Whether <paramref name="codePoint"/> is shown as an emoji by default (Unicode's Emoji_Presentation).</summary>
    public static bool IsEmojiPresentation(int codePoint)
    {
        if (codePoint >= 0x1F300) return codePoint <= 0x1FAFF;
        if (codePoint >= 0x1F000) return codePoint is 0x1F004 or 0x1F0CF or 0x1F18E or (>= 0x1F191 and <= 0x1F19A) or 0x1F201
            or 0x1F21A or 0x1F22F or (>= 0x1F232 and <= 0x1F236) or (>= 0x1F238 and <= 0x1F23A) or 0x1F250 or 0x1F251;
        return codePoint is 0x231A or 0x231B or (>= 0x23E9 and <= 0x23EC) or 0x23F0 or 0x23F3 or 0x25FD or 0x25FE
            or 0x2614 or 0x2615 or (>= 0x2648 and <= 0x2653) or 0x267F or 0x2693 or 0x26A1 or 0x26AA or 0x26AB
            or 0x26BD or 0x26BE or 0x26C4 or 0x26C5 or 0x26CE or 0x26D4 or 0x26EA or 0x26F2 or 0x26F3 or 0x26F5
            or 0x26FA or 0x26FD or 0x2705 or 0x270A or 0x270B or 0x2728 or 0x274C or 0x274E or (>= 0x2753 and <= 0x2755)
            or 0x2757 or (>= 0x2795 and <= 0x2797) or 0x27B0 or 0x27BF or 0x2B1B or 0x2B1C or 0x2B50 or 0x2B55;
    }

    /// <summary>
    /// The Latin face that sets <paramref name="face"/>'s quotes, apostrophes, dashes and ellipses where they stand
    /// in Latin text (the layout decides where: <c>Layout.Text.ScriptPunctuation</c>); null for a face whose own
    /// marks are already proportional (the monospace and fallback faces).
    /// </summary>
    public static FontRole? LatinPartner(FontRole face) => face switch
    {
        FontRole.SerifRegular => FontRole.SerifRegularLatin,
        FontRole.SerifBold => FontRole.SerifBoldLatin,
        FontRole.SansBold => FontRole.SansBoldLatin,
        _ => null,
    };

    /// <summary>
    /// The marks a CJK face draws one em wide that Latin text sets proportionally: ‘ ’ “ ” – — …. Which form a
    /// book shows depends on the text around the mark, not on the mark.
    /// </summary>
    public static bool IsScriptDependentMark(int codePoint) => codePoint is 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2013 or 0x2014 or 0x2026;

    /// <summary>Whether <paramref name="fallback"/> is asked about <paramref name="codePoint"/> at all: the blocks it is bundled for.</summary>
    public static bool MayCover(FontRole fallback, int codePoint) => fallback switch
    {
        FontRole.LatinSerif => codePoint < 0x2190 || codePoint is (>= 0x2C00 and < 0x2E80) or (>= 0xA640 and < 0xA800) or (>= 0xFB00 and < 0xFB50),
        FontRole.Math => codePoint is (>= 0x2000 and < 0x2C00) or (>= 0x1D400 and < 0x1D800) or (>= 0x1EE00 and < 0x1EF00),
        FontRole.Symbols => codePoint is (>= 0x2000 and < 0x2C00) or (>= 0x1F000 and < 0x1FC00),
        FontRole.Emoji => codePoint is (>= 0x2000 and < 0x3300) or (>= 0x1F000 and < 0x1FC00) or 0x00A9 or 0x00AE,
        FontRole.HanExtension => codePoint is >= 0x20000 and < 0x40000,
        _ => true,
    };

    /// <summary>
    /// The CSS family names of a face: the bundled family as readers and browsers know it. For the emoji face the
    /// platforms' colour emoji come first: on a screen colour is what readers expect; the monochrome face is for
    /// print and for systems without colour emoji.
    /// </summary>
    public static IReadOnlyList<string> CssFamilies(FontRole role) => role switch
    {
        FontRole.SerifRegular or FontRole.SerifBold => ["Noto Serif SC"],
        FontRole.SansBold => ["Noto Sans SC"],
        FontRole.Mono or FontRole.MonoBold => ["JetBrains Mono"],
        FontRole.LatinSerif => ["Noto Serif"],
        FontRole.Math => ["Noto Sans Math"],
        FontRole.Symbols => ["Noto Sans Symbols 2"],
        FontRole.Emoji => ["Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", "Noto Emoji"],
        FontRole.HanExtension => ["HanaMinB"],
        FontRole.SerifRegularLatin or FontRole.SerifBoldLatin => ["Source Serif 4"],
        FontRole.SansBoldLatin => ["Source Sans 3"],
        FontRole.TeXMath => ["DejaVu Math TeX Gyre"],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// A CSS <c>font-family</c> value: <paramref name="faces"/> (the face a style asks for, by its CSS name, and the
    /// platforms' own faces of that kind), then the fallback faces in chain order, then <paramref name="generic"/>.
    /// Browsers and readers fall back per character through the list as <see cref="FontSet.ResolveFace"/> does.
    /// </summary>
    public static string CssStack(IEnumerable<string> faces, string generic)
    {
        var names = new List<string>();
        foreach (var name in faces.Concat(Fallbacks.SelectMany(CssFamilies)))
            if (!names.Contains(name)) names.Add(name);
        return string.Join(", ", names.Select(Quote).Append(generic));
    }

    /// <summary>Family names other than a single CSS identifier are quoted.</summary>
    private static string Quote(string name) =>
        name.All(c => char.IsAsciiLetter(c) || c == '-') ? name : $"\"{name}\"";
}
