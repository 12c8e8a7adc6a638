namespace GptBook.Fonts;

/// <summary>
/// The bundled faces, by what they are used for (files in assets/fonts/). The layout measures with these and the
/// PDF writer embeds exactly these; nothing comes from the system. The first five are asked for by the layout's
/// styles; the next five are fallbacks that only ever draw characters the first four lack (see
/// <see cref="FontFallbackChain"/>); the next three are the Latin partners of the CJK faces, which draw quotes,
/// apostrophes, dashes and ellipses in Latin runs (<see cref="FontFallbackChain.LatinPartner"/>); the last draws
/// formulas. All but the first are read only when a character needs them.
/// </summary>
public enum FontRole
{
    /// <summary>Noto Serif SC Regular: body text.</summary>
    SerifRegular,
    /// <summary>Noto Serif SC Bold: strong emphasis.</summary>
    SerifBold,
    /// <summary>Noto Sans SC Bold: headings, captions, running heads.</summary>
    SansBold,
    /// <summary>JetBrains Mono Regular: code. Han characters in code fall back to <see cref="SerifRegular"/>.</summary>
    Mono,
    /// <summary>JetBrains Mono Bold: keywords in highlighted code.</summary>
    MonoBold,
    /// <summary>Noto Serif (Latin, Greek, Cyrillic): ℝ, modifier letters such as ᵃ ₐ ⁿ, phonetic symbols.</summary>
    LatinSerif,
    /// <summary>Noto Sans Math: ⟨ ⟩, mathematical alphanumerics (𝐀 𝔸 𝒜 𝑥), operators.</summary>
    Math,
    /// <summary>Noto Sans Symbols 2: dingbats, ballot boxes, arrows, game and technical symbols.</summary>
    Symbols,
    /// <summary>Noto Emoji: monochrome outline emoji (colour emoji are bitmaps; print wants outlines).</summary>
    Emoji,
    /// <summary>HanaMinB: CJK Unified Ideographs Extensions B–F (𠮷 U+20BB7), which the SC faces lack.</summary>
    HanExtension,
    /// <summary>
    /// Source Serif 4 Regular, the Latin of Noto Serif SC (Source Han Serif's Latin letters are Source Serif's):
    /// proportional ‘ ’ “ ” – — … in Latin runs of body text, where the SC face's are one em wide.
    /// </summary>
    SerifRegularLatin,
    /// <summary>Source Serif 4 Bold: the same for <see cref="SerifBold"/>.</summary>
    SerifBoldLatin,
    /// <summary>Source Sans 3 Bold, the Latin of Noto Sans SC Bold: the same for headings and captions.</summary>
    SansBoldLatin,
    /// <summary>
    /// DejaVu Math TeX Gyre: the glyphs of typeset formulas, with the OpenType MATH table (constants, variants,
    /// assemblies) that the math layout reads. Not a fallback face: only formulas ask for it.
    /// </summary>
    TeXMath,
}
