using System.Globalization;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>
/// Emoji sequences on the site where the reader has no colour emoji font (as on this machine): the site's own
/// monochrome emoji face draws each as its one glyph, formed by the ligatures its subset keeps.
/// </summary>
public class SiteEmojiSequenceTests
{
    private const string Paragraph = "家庭 👨‍👩‍👧、程序员 🧑‍💻、国旗 🇨🇳、键帽 1️⃣、火箭 🚀。";

    /// <summary>The width of each of the paragraph's emoji, as Chromium lays them out, in CSS pixels.</summary>
    private const string Widths = """
        (() => {
          const text = [...document.querySelectorAll('article p')].map(p => p.firstChild).find(t => t && t.data && t.data.includes('家庭'));
          return ['👨‍👩‍👧', '🧑‍💻', '🇨🇳', '1️⃣', '🚀'].map(e => {
            const range = document.createRange();
            const at = text.data.indexOf(e);
            range.setStart(text, at);
            range.setEnd(text, at + e.length);
            return range.getBoundingClientRect().width.toFixed(2);
          }).join(' ');
        })()
        """;

    [SkippableFact]
    public async Task Without_a_colour_emoji_font_chromium_draws_each_sequence_as_one_glyph_of_the_sites_emoji_face()
    {
        ExternalTool.Require("chromium");
        using var dir = new TempBookDirectory();
        dir.Write("book.yml", "id: emoji\ntitle: 表情\nlanguage: zh-CN\nchapters:\n  - ch1.md\n");
        dir.Write("ch1.md", $"# 表情\n\n{Paragraph}\n");
        var (site, _) = SiteFromMarkdown.Build(dir.PathOf("book.yml"), dir.PathOf("work"));
        var chapter = site.Pages.Keys.First(k => (string?)site.Pages[k].Root!.Element(SitePages.X + "body")!.Attribute("class") == "page-chunk");

        await using var browser = await HeadlessChromium.LaunchAsync(withoutCjkSystemFonts: true);
        await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
        await page.NavigateAsync(new Uri(Path.Combine(site.Directory, chapter)));
        Assert.True(await page.WaitForAsync("document.fonts.status === 'loaded' && document.fonts.size > 0"), "the fonts did not load");

        // Each sequence is as wide as one emoji (the rocket), not two or three side by side.
        var widths = ((string)(await page.EvaluateAsync(Widths))!).Split(' ').Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        var one = widths[^1];
        Assert.True(one > 8, $"the rocket is {one} px wide");
        Assert.All(widths[..^1], w => Assert.InRange(w, 0.8 * one, 1.25 * one));
        // And they are drawn by the site's emoji face: one glyph each, the rocket's too.
        var fonts = await page.PlatformFontsAsync("article p");
        var emoji = Assert.Single(fonts, f => f.Family.Contains("Emoji", StringComparison.Ordinal));
        Assert.True(emoji.WebFont, string.Join(", ", fonts));
        Assert.Equal(5, emoji.Glyphs);
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
}
