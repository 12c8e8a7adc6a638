using System.Text;
using System.Xml.Linq;
using GptBook.Fonts;

namespace GptBook.Site.WebFonts;

/// <summary>
/// Which bundled face sets each piece of a page's text, stated once and used twice: written as CSS (fonts.css), and
/// applied by <see cref="WebFontCharacters"/> to the page trees to learn which characters each face must hold. So
/// the subsets can never miss a character the stylesheet sends to a face.
/// <list type="bullet">
/// <item>Reading text: Noto Serif SC Regular; bold text (strong, b, th, the current contents entry …): Noto Serif SC
/// Bold; headings and titles: Noto Sans SC Bold, bold inside them included; code: JetBrains Mono, its keywords JetBrains Mono Bold.</item>
/// <item>Each face is its own CSS family declared for every weight, so the browser never fakes bold or swaps a
/// face by weight. Each character goes into the face the bundled fallback chain gives it
/// (<see cref="FontSet.ResolveFace"/>, as in the PDF: ℝ to Noto Serif, 𠮷 to HanaMinB …), and each role's family
/// list names those faces, then the reader's own: the browser draws every character with the PDF's face.</item>
/// </list>
/// </summary>
public static class WebTypography
{
    /// <summary>What a rule sets: the reading context (sans headings change what plain and bold text use) or the
    /// weight (bold) or the face outright (code).</summary>
    public enum Effect { Heading, Bold, Code, CodeKeyword }

    /// <param name="Tag">An element name, or null for any.</param>
    /// <param name="Class">A class the element must carry, or null.</param>
    /// <param name="Attribute">An attribute the element must carry with <paramref name="Value"/>, or null.</param>
    public sealed record Selector(string? Tag, string? Class = null, string? Attribute = null, string? Value = null)
    {
        /// <param name="classes">The element's classes (<see cref="ClassesOf"/>), split once for all the selectors
        /// tried on it.</param>
        public bool Matches(XElement e, string[] classes) =>
            (Tag == null || e.Name.LocalName == Tag)
            && (Class == null || classes.Contains(Class))
            && (Attribute == null || (string?)e.Attribute(Attribute) == Value);

        public static string[] ClassesOf(XElement e) => ((string?)e.Attribute("class"))?.Split(' ') ?? [];

        public string Css => (Tag ?? "") + (Class != null ? "." + Class : "") + (Attribute != null ? $"[{Attribute}=\"{Value}\"]" : "");
    }

    public sealed record Rule(Effect Effect, IReadOnlyList<Selector> Selectors);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(Effect.Heading, [
            new("h1"), new("h2"), new("h3"), new("h4"), new("h5"), new("h6"),
            new(null, "site-title"), new(null, "cover-title"), new(null, "pager-title"), new(null, "toc-heading"), new(null, "result-heading"),
        ]),
        new(Effect.Bold, [
            new("strong"), new("b"), new("th"), new("dt"),
            new(null, "download"), new(null, "footnote-number"), new(null, "image-placeholder-label"), new(null, "toc-chapter"),
            new("a", Attribute: "aria-current", Value: "page"),
            // A formula's \textbf (MathML Core reads mathvariant only on mi).
            new("mtext", Attribute: "mathvariant", Value: "bold"),
        ]),
        new(Effect.Code, [new("code"), new("kbd"), new("samp"), new("pre"), new("mtext", Attribute: "mathvariant", Value: "monospace")]),
        // Keywords of highlighted code, bold as in the PDF (JetBrains Mono Bold).
        new(Effect.CodeKeyword, [new(null, "tok-kw")]),
    ];

    /// <summary>
    /// The face that draws <paramref name="codePoint"/> in text of <paramref name="role"/>: the bundled fallback
    /// chain's choice (<see cref="FontSet.ResolveFace"/>, as in the PDF); null when no bundled face has it (the
    /// reader's own fonts draw it) or it draws nothing (variation selectors, joiners).
    /// </summary>
    public static FontRole? FaceFor(FontSet fonts, FontRole role, int codePoint)
    {
        if (FontFallbackChain.IsIgnorable(codePoint)) return null;
        var face = fonts.ResolveFace(role, codePoint);
        return fonts.Font(face).HasGlyph(codePoint) ? face : null;
    }

    /// <summary>The CSS family name of one face as the site ships it (the name the PDF writer gives it too).</summary>
    public static string Family(FontRole face) => FontSet.FaceName(face);

    /// <summary>The reader's own faces of a role's kind: what shows while ours load, or if they cannot.</summary>
    private static IReadOnlyList<string> SystemFamilies(FontRole role) => role switch
    {
        FontRole.SansBold => ["system-ui", "-apple-system", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", .. FontFallbackChain.CssFamilies(role), "Source Han Sans SC"],
        FontRole.Mono or FontRole.MonoBold => ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", .. FontFallbackChain.CssFamilies(role), "Noto Sans Mono CJK SC"],
        _ => [.. FontFallbackChain.CssFamilies(role), "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun"],
    };

    private static string Generic(FontRole role) => role switch
    {
        FontRole.SansBold => "sans-serif",
        FontRole.Mono or FontRole.MonoBold => "monospace",
        _ => "serif",
    };

    /// <summary>
    /// A role's font-family list, in the chain's order: the role's face and every other face the site ships (each
    /// limited by unicode-range to the characters the chain gives it, so their order among themselves decides
    /// nothing), then the reader's faces of that kind, then the fallback faces by their system names in chain order
    /// (colour emoji before the book's monochrome emoji face: on a screen colour is what readers expect).
    /// </summary>
    public static string Stack(FontRole role, IReadOnlySet<FontRole> shipped)
    {
        var names = new List<string>();
        void Add(string name)
        {
            if (!names.Contains(name)) names.Add(name);
        }
        foreach (var face in new[] { role, FontRole.SerifRegular }.Concat(FontFallbackChain.Fallbacks))
            if (shipped.Contains(face) && face != FontRole.Emoji) Add(Family(face));
        foreach (var name in SystemFamilies(role)) Add(name);
        foreach (var fallback in FontFallbackChain.Fallbacks)
        {
            foreach (var name in FontFallbackChain.CssFamilies(fallback)) Add(name);
            if (fallback == FontRole.Emoji && shipped.Contains(FontRole.Emoji)) Add(Family(FontRole.Emoji));
        }
        return string.Join(", ", names.Select(n => n.All(c => char.IsAsciiLetter(c) || c == '-') ? n : $"\"{n}\"").Append(Generic(role)));
    }

    /// <summary>The typography part of fonts.css: each role's family list (ours only for the faces the site ships)
    /// and the rules that give each piece of text its role.</summary>
    public static string Css(IReadOnlySet<FontRole> shipped)
    {
        string Stack(FontRole role) => WebTypography.Stack(role, shipped);
        var css = new StringBuilder();
        css.Append(":root {\n");
        css.Append($"  --gb-serif: {Stack(FontRole.SerifRegular)};\n");
        css.Append($"  --gb-serif-bold: {Stack(FontRole.SerifBold)};\n");
        css.Append($"  --gb-sans: {Stack(FontRole.SansBold)};\n");
        css.Append($"  --gb-mono: {Stack(FontRole.Mono)};\n");
        css.Append($"  --gb-mono-bold: {Stack(FontRole.MonoBold)};\n");
        css.Append("}\n");
        css.Append("html { --gb-plain: var(--gb-serif); --gb-bold: var(--gb-serif-bold); font-family: var(--gb-plain); }\n");
        foreach (var rule in Rules)
        {
            var selectors = string.Join(", ", rule.Selectors.Select(s => s.Css));
            css.Append(rule.Effect switch
            {
                Effect.Heading => $"{selectors} {{ --gb-plain: var(--gb-sans); --gb-bold: var(--gb-sans); font-family: var(--gb-sans); font-weight: 700; }}\n",
                Effect.Bold => $"{selectors} {{ font-family: var(--gb-bold); font-weight: 700; }}\n",
                Effect.Code => $"{selectors} {{ font-family: var(--gb-mono); }}\n",
                _ => $"{selectors} {{ font-family: var(--gb-mono-bold); font-weight: 700; }}\n",
            });
        }
        return css.ToString();
    }
}
