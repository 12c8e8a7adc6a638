using System.Text.RegularExpressions;
using GptBook.Fonts;
using GptBook.Tests.Fonts;
using GptBook.Site.WebFonts;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>The book's own typefaces on the web: subsets of the characters the pages show, as valid WOFF2, declared
/// slice by slice, and really drawn by Chromium on a machine with no Chinese font of its own.</summary>
public sealed partial class SiteWebFontTests(ArticleSiteFixture article) : IClassFixture<ArticleSiteFixture>
{
    private string Css => File.ReadAllText(Path.Combine(article.Site.Directory, WebFontWriter.Stylesheet));

    private sealed record Face(string Family, string File, IReadOnlyList<(int First, int Last)> Ranges, string Display);

    private IReadOnlyList<Face> Faces() => FontFace().Matches(Css).Select(m => new Face(m.Groups[1].Value, m.Groups[2].Value,
        m.Groups[4].Value.Split(',').Select(r => r[2..].Split('-')).Select(p => (Convert.ToInt32(p[0], 16), Convert.ToInt32(p[^1], 16))).ToArray(),
        m.Groups[3].Value)).ToArray();

    [GeneratedRegex("""@font-face \{\s*font-family: "([^"]+)";\s*src: url\("([^"]+)"\) format\("woff2"\);\s*font-weight: 100 900;\s*font-display: (\w+);\s*unicode-range: ([^;]+);\s*\}""")]
    private static partial Regex FontFace();

    [Fact]
    public void Every_character_the_article_shows_is_in_exactly_one_slice_of_the_face_the_pdf_would_use()
    {
        var faces = Faces();
        Assert.NotEmpty(faces);
        Assert.All(faces, f => Assert.Equal("swap", f.Display));
        Assert.All(faces, f => Assert.True(File.Exists(Path.Combine(article.Site.Directory, f.File)), f.File));
        var fonts = FontSet.Bundled();
        // Reading text: paragraphs' own text, outside bold, code and links (which have roles of their own).
        var text = string.Concat(article.Site.Pages.Values.SelectMany(p => p.Descendants(SitePages.X + "article")).SelectMany(a => a.Descendants(SitePages.X + "p"))
            .SelectMany(p => p.DescendantNodes().OfType<System.Xml.Linq.XText>())
            .Where(t => t.Ancestors().TakeWhile(e => e.Name.LocalName != "p").All(e => e.Name.LocalName == "span"))
            .Select(t => t.Value));
        foreach (var rune in text.EnumerateRunes().Where(r => r.Value > ' ' && !System.Text.Rune.IsWhiteSpace(r)).Distinct())
        {
            // Body text: the face the PDF's chain picks for body text.
            var face = WebTypography.FaceFor(fonts, FontRole.SerifRegular, rune.Value);
            if (face != FontRole.SerifRegular) continue;
            var slices = faces.Where(f => f.Family == WebTypography.Family(FontRole.SerifRegular)
                && f.Ranges.Any(r => rune.Value >= r.First && rune.Value <= r.Last)).ToArray();
            Assert.True(slices.Length == 1, $"'{rune}' is in {slices.Length} slices of the body face");
            var subset = TrueTypeFont.Parse(Woff2Test.Decode(File.ReadAllBytes(Path.Combine(article.Site.Directory, slices[0].File))), slices[0].File);
            Assert.True(subset.HasGlyph(rune.Value), $"'{rune}' is declared by {slices[0].File} but not in it");
        }
    }

    [Fact]
    public void The_fonts_are_small_and_the_stylesheet_names_the_system_fonts_after_ours()
    {
        var total = Faces().Sum(f => new FileInfo(Path.Combine(article.Site.Directory, f.File)).Length);
        Assert.InRange(total, 20_000, 400_000); // the article's ~900 characters in four faces
        Assert.Contains("--gb-serif: \"GptBook Noto Serif SC\", \"Noto Serif SC\", \"Noto Serif CJK SC\"", Css);
        Assert.Contains("--gb-sans: \"GptBook Noto Sans SC Bold\", \"GptBook Noto Serif SC\", system-ui", Css);
        Assert.Contains("font-src 'self'", File.ReadAllText(Path.Combine(article.Site.Directory, "index.html")));
    }

    [SkippableFact]
    public async Task Without_a_chinese_system_font_chromium_draws_the_text_in_the_books_own_faces()
    {
        ExternalTool.Require("chromium");
        await using var browser = await HeadlessChromium.LaunchAsync(withoutCjkSystemFonts: true);
        await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
        var chapter = article.Site.Pages.Keys.First(k => (string?)article.Site.Pages[k].Root!.Element(SitePages.X + "body")!.Attribute("class") == "page-chunk");
        await page.NavigateAsync(new Uri(Path.Combine(article.Site.Directory, chapter)));
        Assert.True(await page.WaitForAsync("document.fonts.status === 'loaded' && document.fonts.size > 0"), "the fonts did not load");

        var body = await page.PlatformFontsAsync("article p");
        Assert.True(body.Count > 0 && body.Where(f => f.WebFont).Sum(f => f.Glyphs) > 0.9 * body.Sum(f => f.Glyphs),
            "body text: " + string.Join(", ", body));
        Assert.Contains(body, f => f.WebFont && f.Family.Contains("Noto Serif SC"));
        var heading = await page.PlatformFontsAsync("article h1, article h2");
        Assert.All(heading, f => Assert.True(f.WebFont && f.Family.Contains("Noto Sans SC"), "heading: " + string.Join(", ", heading)));

        // And it shows: Han glyphs are drawn, not the empty boxes of a missing font (a box is the same for all).
        Directory.CreateDirectory(SiteBrowserTests.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(SiteBrowserTests.ScreenshotDirectory, "article-no-cjk-system-font-390.png"), await page.ScreenshotAsync());
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [Fact]
    public void Every_page_asks_for_the_font_slices_of_its_own_text_before_its_stylesheets_with_one_inline_script_the_policy_allows()
    {
        var faces = Faces();
        var body = faces.Where(f => f.Family == WebTypography.Family(FontRole.SerifRegular)).ToArray();
        var fonts = FontSet.Bundled();
        var checkedText = 0;
        foreach (var (name, page) in article.Site.Pages)
        {
            var head = page.Root!.Element(SitePages.X + "head")!;
            var scripts = page.Descendants(SitePages.X + "script").Where(e => e.Attribute("src") == null && (string?)e.Attribute("type") != "application/json").ToArray();
            var script = Assert.Single(scripts);
            Assert.Equal(WebFontPreload.Script, script.Value);
            var hash = "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script.Value))) + "'";
            var policy = (string)head.Elements(SitePages.X + "meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy").Attribute("content")!;
            Assert.Contains($"script-src 'self' {hash};", policy);

            // Template, then its script, then the stylesheets (a script after a stylesheet would wait for it).
            var template = head.Elements(SitePages.X + "template").Single(t => (string?)t.Attribute("id") == WebFontPreload.TemplateId);
            Assert.Same(script, template.ElementsAfterSelf().First());
            Assert.Equal("stylesheet", (string?)script.ElementsAfterSelf().First().Attribute("rel"));
            var preloaded = template.Elements(SitePages.X + "link").ToArray();
            Assert.All(preloaded, l => Assert.Equal(("preload", "font", "font/woff2", "anonymous"),
                ((string?)l.Attribute("rel"), (string?)l.Attribute("as"), (string?)l.Attribute("type"), (string?)l.Attribute("crossorigin"))));
            var files = preloaded.Select(l => (string)l.Attribute("href")!).ToHashSet();
            Assert.Equal(files.Count, preloaded.Length);
            Assert.Subset(faces.Select(f => f.File).ToHashSet(), files);

            // Each Han character of the page's paragraphs (body face) is in a slice the page asks for.
            var text = string.Concat(page.Descendants(SitePages.X + "article").SelectMany(a => a.Descendants(SitePages.X + "p"))
                .SelectMany(p => p.DescendantNodes().OfType<System.Xml.Linq.XText>())
                .Where(t => t.Ancestors().TakeWhile(e => e.Name.LocalName != "p").All(e => e.Name.LocalName == "span"))
                .Select(t => t.Value));
            foreach (var rune in text.EnumerateRunes().Where(r => r.Value is >= 0x4E00 and <= 0x9FFF).Distinct())
            {
                if (WebTypography.FaceFor(fonts, FontRole.SerifRegular, rune.Value) != FontRole.SerifRegular) continue;
                var slice = body.Single(f => f.Ranges.Any(r => rune.Value >= r.First && rune.Value <= r.Last));
                Assert.True(files.Contains(slice.File), $"{name}: '{rune}' is in {slice.File}, which the page does not preload");
                checkedText++;
            }
        }
        Assert.True(checkedText > 500, $"only {checkedText} characters checked");
    }

    [Fact]
    public void A_page_asks_only_for_slices_holding_characters_it_shows()
    {
        var faces = Faces();
        foreach (var (name, page) in article.Site.Pages)
        {
            var body = page.Root!.Element(SitePages.X + "body")!;
            var shown = string.Concat(body.DescendantNodes().OfType<System.Xml.Linq.XText>().Select(t => t.Value))
                + string.Concat(body.Descendants().Select(e => (string?)e.Attribute("placeholder")));
            var runes = shown.EnumerateRunes().Select(r => r.Value).ToHashSet();
            foreach (var link in page.Descendants(SitePages.X + "template").Single().Elements())
            {
                var face = faces.Single(f => f.File == (string)link.Attribute("href")!);
                Assert.True(runes.Any(c => face.Ranges.Any(r => c >= r.First && c <= r.Last)), $"{name} preloads {face.File} but shows none of its characters");
            }
        }
    }

    [SkippableFact]
    public async Task Over_http_chromium_fetches_the_page_s_fonts_by_its_preloads_and_draws_the_text_in_them()
    {
        ExternalTool.Require("chromium");
        await using var server = new GptBook.Site.Preview.SitePreviewServer(article.Site.Directory);
        var origin = server.Start();
        await using var browser = await HeadlessChromium.LaunchAsync(withoutCjkSystemFonts: true);
        await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
        var chapter = article.Site.Pages.Keys.First(k => (string?)article.Site.Pages[k].Root!.Element(SitePages.X + "body")!.Attribute("class") == "page-chunk");
        await page.NavigateAsync(new Uri(origin, Uri.EscapeDataString(chapter)));
        Assert.True(await page.WaitForAsync("document.fonts.status === 'loaded' && document.fonts.size > 0"), "the fonts did not load");

        var fetched = (await page.EvaluateAsync(
            "JSON.stringify(performance.getEntriesByType('resource').filter(e => e.name.endsWith('.woff2')).map(e => e.initiatorType + ' ' + new URL(e.name).pathname))"))!
            .GetValue<string>();
        var requests = System.Text.Json.JsonSerializer.Deserialize<string[]>(fetched)!;
        var preloaded = article.Site.Pages[chapter].Descendants(SitePages.X + "template").Single().Elements().Select(l => "/" + (string)l.Attribute("href")!).ToArray();
        Assert.NotEmpty(preloaded);
        // Every file the page asked for came by its preload link, once; none was fetched twice or by the stylesheet first.
        Assert.Equal(preloaded.Order(StringComparer.Ordinal).Select(f => "link " + f), requests.Order(StringComparer.Ordinal));
        var text = await page.PlatformFontsAsync("article p");
        Assert.True(text.Where(f => f.WebFont).Sum(f => f.Glyphs) > 0.9 * text.Sum(f => f.Glyphs), "body text: " + string.Join(", ", text));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
}
