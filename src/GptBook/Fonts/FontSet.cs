using System.Collections.Concurrent;

namespace GptBook.Fonts;

/// <summary>
/// The bundled faces from assets/fonts/, by <see cref="FontRole"/>. Each file is mapped and parsed on first use and
/// then kept for the life of the process (<see cref="Load"/> returns the same instance for the same folder), so the
/// layout, the PDF writer and the site's web fonts share one mapping of each 15 MB file (<see cref="MappedFontFile"/>),
/// and a fallback face no character needs is never read. Also the one place that decides which face actually draws
/// a character (<see cref="ResolveFace"/>, by <see cref="FontFallbackChain"/>).
/// </summary>
public sealed class FontSet
{
    private static readonly ConcurrentDictionary<string, FontSet> Cache = new(StringComparer.Ordinal);

    private readonly Lazy<TrueTypeFont>[] _fonts;

    private FontSet(string directory)
    {
        Directory = directory;
        _fonts = Enum.GetValues<FontRole>()
            .Select(role => new Lazy<TrueTypeFont>(() => TrueTypeFont.Load(PathOf(role)), LazyThreadSafetyMode.ExecutionAndPublication))
            .ToArray();
    }

    /// <summary>
    /// The font set in <paramref name="fontsDirectory"/> (normally &lt;repository&gt;/assets/fonts). Checks that every
    /// face's file exists; parses each when first used. Throws <see cref="FileNotFoundException"/> naming a missing file.
    /// </summary>
    public static FontSet Load(string fontsDirectory)
    {
        var full = Path.GetFullPath(fontsDirectory);
        return Cache.GetOrAdd(full, static dir =>
        {
            foreach (var role in Enum.GetValues<FontRole>())
            {
                var path = Path.Combine(dir, FileName(role));
                if (!File.Exists(path)) throw new FileNotFoundException($"bundled font {FileName(role)} not found in {dir}", path);
            }
            return new FontSet(dir);
        });
    }

    /// <summary>
    /// The fonts copied beside the program (fonts/ in the folder of the CLI, its native executable, the tests or the
    /// benchmarks: GptBook.csproj copies them into every project that uses the library), so that the tool works for
    /// books outside this repository.
    /// </summary>
    public static FontSet Bundled() => Load(Path.Combine(AppContext.BaseDirectory, "fonts"));

    /// <summary>The folder the files come from.</summary>
    public string Directory { get; }

    /// <summary>The file name of a role's face in assets/fonts/.</summary>
    public static string FileName(FontRole role) => role switch
    {
        FontRole.SerifRegular => "NotoSerifSC-Regular.ttf",
        FontRole.SerifBold => "NotoSerifSC-Bold.ttf",
        FontRole.SansBold => "NotoSansSC-Bold.ttf",
        FontRole.Mono => "JetBrainsMono-Regular.ttf",
        FontRole.MonoBold => "JetBrainsMono-Bold.ttf",
        FontRole.LatinSerif => "NotoSerif-Regular.ttf",
        FontRole.Math => "NotoSansMath-Regular.ttf",
        FontRole.Symbols => "NotoSansSymbols2-Regular.ttf",
        FontRole.Emoji => "NotoEmoji-Regular.ttf",
        FontRole.HanExtension => "HanaMinB.ttf",
        FontRole.SerifRegularLatin => "SourceSerif4-Regular.ttf",
        FontRole.SerifBoldLatin => "SourceSerif4-Bold.ttf",
        FontRole.SansBoldLatin => "SourceSans3-Bold.ttf",
        FontRole.TeXMath => "DejaVuMathTeXGyre.ttf",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// A stable face name per role, for the PDF writer's font resolver (one family name per role, so that
    /// PDFsharp never synthesizes bold or italic from another face).
    /// </summary>
    public static string FaceName(FontRole role) => role switch
    {
        FontRole.SerifRegular => "GptBook Noto Serif SC",
        FontRole.SerifBold => "GptBook Noto Serif SC Bold",
        FontRole.SansBold => "GptBook Noto Sans SC Bold",
        FontRole.Mono => "GptBook JetBrains Mono",
        FontRole.MonoBold => "GptBook JetBrains Mono Bold",
        FontRole.LatinSerif => "GptBook Noto Serif",
        FontRole.Math => "GptBook Noto Sans Math",
        FontRole.Symbols => "GptBook Noto Sans Symbols 2",
        FontRole.Emoji => "GptBook Noto Emoji",
        FontRole.HanExtension => "GptBook HanaMinB",
        FontRole.SerifRegularLatin => "GptBook Source Serif 4",
        FontRole.SerifBoldLatin => "GptBook Source Serif 4 Bold",
        FontRole.SansBoldLatin => "GptBook Source Sans 3 Bold",
        FontRole.TeXMath => "GptBook DejaVu Math TeX Gyre",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public string PathOf(FontRole role) => Path.Combine(Directory, FileName(role));

    /// <summary>The parsed face (read on first call).</summary>
    public TrueTypeFont Font(FontRole role) => _fonts[(int)role].Value;

    /// <summary>
    /// The font file's bytes as an array, what a PDFsharp font resolver returns from GetFont (<see cref="TrueTypeFont.FileArray"/>:
    /// copied from the mapped file once). The PDF writer hands PDFsharp subsets, so only text that a subset missed ever
    /// copies a whole face. Callers must not modify the array.
    /// </summary>
    public byte[] FileBytes(FontRole role) => Font(role).FileArray;

    /// <summary>Whether a face's file has been read (a fallback face is read only when a character needs it).</summary>
    public bool IsLoaded(FontRole role) => _fonts[(int)role].IsValueCreated;

    /// <summary>
    /// The face that measures and draws <paramref name="codePoint"/> when <paramref name="requested"/> is asked for,
    /// by <see cref="FontFallbackChain"/>: the requested face if it has the glyph (an emoji-presentation character
    /// goes to the emoji face first), else Noto Serif SC Regular, else the first fallback face that has it. A
    /// character no face has stays with the requested face; the layout reports it (GB0303) and it draws as that
    /// face's .notdef box.
    /// </summary>
    public FontRole ResolveFace(FontRole requested, int codePoint)
    {
        if (FontFallbackChain.IsEmojiPresentation(codePoint) && Font(FontRole.Emoji).HasGlyph(codePoint)) return FontRole.Emoji;
        if (Font(requested).HasGlyph(codePoint)) return requested;
        if (requested != FontRole.SerifRegular && Font(FontRole.SerifRegular).HasGlyph(codePoint)) return FontRole.SerifRegular;
        foreach (var fallback in FontFallbackChain.Fallbacks)
            if (fallback != requested && FontFallbackChain.MayCover(fallback, codePoint) && Font(fallback).HasGlyph(codePoint))
                return fallback;
        return requested;
    }
}
