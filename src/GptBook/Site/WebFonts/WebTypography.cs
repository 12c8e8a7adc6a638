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
/// Bold; headings and titles: Noto Sans SC Bold, bold inside them included; code: JetBrains Mono.</item>
/// <item>Each face is its own CSS family declared for every weight, so the browser never fakes bold or swaps a
/// face by weight, and each role's family list is the face followed by the bundled fallback chain
/// (<see cref="FontSet.ResolveFace"/>), then the reader's system fonts: the browser picks per character exactly
/// the face the PDF uses.</item>
/// </list>
/// </summary>
public static class WebTypography
{
    /// <summary>What a rule sets: the reading context (sans headings change what plain and bold text use) or the
    /// weight (bold) or the face outright (code).</summary>
    public enum Effect { Heading, Bold, Code }

    /// <param name="Tag">An element name, or null for any.</param>
    /// <param name="Class">A class the element must carry, or null.</param>
    /// <param name="Attribute">An attribute the element must carry with <paramref name="Value"/>, or null.</param>
    public sealed record Selector(string? Tag, string? Class = null, string? Attribute = null, string? Value = null)
    {
        public bool Matches(XElement e) =>
            (Tag == null || e.Name.LocalName == Tag)
            && (Class == null || ((string?)e.Attribute("class"))?.Split(' ').Contains(Class) == true)
            && (Attribute == null || (string?)e.Attribute(Attribute) == Value);

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
        ]),
        new(Effect.Code, [new("code"), new("kbd"), new("samp"), new("pre")]),
    ];

    /// <summary>The faces a role's text may be set in, in the order the browser tries them: the role's face, then
    /// the chain's fallback (Noto Serif SC Regular draws what the others lack, as in the PDF).</summary>
    public static IReadOnlyList<FontRole> Stack(FontRole role) =>
        role == FontRole.SerifRegular ? [FontRole.SerifRegular] : [role, FontRole.SerifRegular];

    /// <summary>The face that draws <paramref name="codePoint"/> in text of <paramref name="role"/>: the first face
    /// of its stack that has the glyph (the browser's rule), which is the chain's choice; null when none has it.</summary>
    public static FontRole? FaceFor(FontSet fonts, FontRole role, int codePoint)
    {
        foreach (var face in Stack(role))
            if (fonts.Font(face).HasGlyph(codePoint)) return face;
        return null;
    }

    /// <summary>The CSS family name of one face.</summary>
    public static string Family(FontRole face) => face switch
    {
        FontRole.SerifRegular => "GptBook Serif",
        FontRole.SerifBold => "GptBook Serif Bold",
        FontRole.SansBold => "GptBook Sans Bold",
        FontRole.Mono => "GptBook Mono",
        _ => throw new ArgumentOutOfRangeException(nameof(face), face, null),
    };

    /// <summary>The reader's own fonts after ours, by kind: what shows while ours load, or if they cannot.</summary>
    private static string System(FontRole role) => role switch
    {
        FontRole.SansBold => "system-ui, -apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif",
        FontRole.Mono => "ui-monospace, \"SFMono-Regular\", Menlo, Consolas, \"Liberation Mono\", \"Noto Sans Mono CJK SC\", monospace",
        _ => "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", \"STSong\", SimSun, serif",
    };

    /// <summary>The typography part of fonts.css: each role's family list (ours only for the faces the site ships)
    /// and the rules that give each piece of text its role.</summary>
    public static string Css(IReadOnlySet<FontRole> shipped)
    {
        string Stack(FontRole role) =>
            string.Join(", ", WebTypography.Stack(role).Where(shipped.Contains).Select(f => $"\"{Family(f)}\"").Append(System(role)));
        var css = new StringBuilder();
        css.Append(":root {\n");
        css.Append($"  --gb-serif: {Stack(FontRole.SerifRegular)};\n");
        css.Append($"  --gb-serif-bold: {Stack(FontRole.SerifBold)};\n");
        css.Append($"  --gb-sans: {Stack(FontRole.SansBold)};\n");
        css.Append($"  --gb-mono: {Stack(FontRole.Mono)};\n");
        css.Append("}\n");
        css.Append("html { --gb-plain: var(--gb-serif); --gb-bold: var(--gb-serif-bold); font-family: var(--gb-plain); }\n");
        foreach (var rule in Rules)
        {
            var selectors = string.Join(", ", rule.Selectors.Select(s => s.Css));
            css.Append(rule.Effect switch
            {
                Effect.Heading => $"{selectors} {{ --gb-plain: var(--gb-sans); --gb-bold: var(--gb-sans); font-family: var(--gb-sans); font-weight: 700; }}\n",
                Effect.Bold => $"{selectors} {{ font-family: var(--gb-bold); font-weight: 700; }}\n",
                _ => $"{selectors} {{ font-family: var(--gb-mono); }}\n",
            });
        }
        return css.ToString();
    }
}
