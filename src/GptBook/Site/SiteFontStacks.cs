using GptBook.Fonts;

namespace GptBook.Site;

/// <summary>
/// The site's font stacks, as CSS custom properties put ahead of site.css: the platforms' interface faces first
/// (the site reads as a web page), then the bundled fallback faces in the order the PDF uses them
/// (<see cref="FontFallbackChain"/>), so ℝ, ⟨ ⟩, 𠮷 and emoji fall back through the same faces in every output.
/// </summary>
public static class SiteFontStacks
{
    public static string Css { get; } =
        ":root {\n" +
        "  --sans: " + FontFallbackChain.CssStack(["system-ui", "-apple-system", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
            "Noto Sans CJK SC", .. FontFallbackChain.CssFamilies(FontRole.SansBold), "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei"], "sans-serif") + ";\n" +
        "  --mono: " + FontFallbackChain.CssStack(["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono",
            .. FontFallbackChain.CssFamilies(FontRole.Mono), "Noto Sans Mono CJK SC"], "monospace") + ";\n" +
        "}\n";
}
