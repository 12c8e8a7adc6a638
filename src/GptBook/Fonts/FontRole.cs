namespace GptBook.Fonts;

/// <summary>
/// The bundled faces, by what they are used for (files in assets/fonts/). The layout measures with these and the
/// PDF writer embeds exactly these; nothing comes from the system.
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
}
