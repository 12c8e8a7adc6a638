using GptBook.Diagnostics;
using GptBook.Site;
using GptBook.Site.Preview;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>
/// The site in a real browser (headless Debian chromium over the DevTools protocol): the home page and a content
/// page at desktop and phone widths, light and dark, from file:// and from the preview server. No console errors
/// (a blocked resource or a CSP violation is one), no sideways scrolling on a phone, every image decoded, and
/// screenshots with something on them. Screenshots are kept in site-screenshots/ beside the test binaries.
/// </summary>
public sealed class SiteBrowserTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gptbook-site-browser-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "site-screenshots");

    private string BuildSample()
    {
        var sample = new SiteSampleBook(Path.Combine(_work, "cache"));
        var pdf = Path.Combine(_work, "book.pdf");
        File.WriteAllBytes(pdf, new byte[2_345_678]);
        var output = Path.Combine(_work, "site");
        var diagnostics = new DiagnosticBag();
        Assert.True(SiteWriter.Write(sample.Book, sample.Options, sample.Images, [new SiteDownload("PDF", pdf)], output, diagnostics, SiteSampleBook.CoverPng()));
        return output;
    }

    [SkippableFact]
    public async Task Pages_render_without_errors_or_overflow_at_desktop_and_phone_widths_in_light_and_dark()
    {
        ExternalTool.Require("chromium");
        var site = BuildSample();
        await using var browser = await HeadlessChromium.LaunchAsync();
        foreach (var page in new[] { "index.html", "history.html" })
            foreach (var (width, height, mobile) in new[] { (1280, 900, false), (390, 844, true) })
                foreach (var dark in new[] { false, true })
                    await CheckPageAsync(browser, new Uri(Path.Combine(site, page)), $"sample-{Path.GetFileNameWithoutExtension(page)}", width, height, mobile, dark);
    }

    [SkippableFact]
    public async Task The_preview_server_serves_the_site_to_a_browser()
    {
        ExternalTool.Require("chromium");
        var site = BuildSample();
        await using var server = new SitePreviewServer(site);
        var address = server.Start();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await CheckPageAsync(browser, address, "served-index", 1280, 900, mobile: false, dark: false);
        await CheckPageAsync(browser, new Uri(address, "summary.html"), "served-summary", 390, 844, mobile: true, dark: false);
    }

    [SkippableFact]
    public async Task The_preview_reloads_an_open_page_after_a_rebuild_and_shows_a_failed_build_in_the_page()
    {
        ExternalTool.Require("chromium");
        var site = BuildSample();
        var status = new PreviewBuildStatus();
        status.Report(null);
        await using var server = new SitePreviewServer(site, status: status);
        var address = server.Start();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(1280, 900, mobile: false);
        await page.NavigateAsync(new Uri(address, "history.html"));
        await page.EvaluateAsync("window.stale = true");

        // A rebuild that finishes at any moment, even before the page has connected, reloads it.
        status.Report(null);
        Assert.True(await page.WaitForAsync("typeof window.stale === 'undefined' && document.readyState === 'complete'"), "the page did not reload after the rebuild");

        status.Report("content/sample.md:3:1: error GB0101: file is not valid UTF-8");
        Assert.True(await page.WaitForAsync("document.querySelector('.gptbook-preview-error')?.textContent.includes('GB0101') === true"),
            "the failed build is not shown in the page");
        // The preview's own stylesheet loads under the page's policy (waited for: the banner is parsed before it arrives).
        Assert.True(await page.WaitForAsync("getComputedStyle(document.querySelector('.gptbook-preview-error')).position === 'sticky'"),
            "the preview's stylesheet did not style the banner");
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [SkippableFact]
    public async Task The_contrast_probe_finds_low_contrast_text()
    {
        ExternalTool.Require("chromium");
        var file = Path.Combine(_work, "grey.html");
        File.WriteAllText(file, "<!DOCTYPE html><html lang=\"en\"><body style=\"background:#fff\"><p style=\"color:#999\">faint</p><p style=\"color:#333\">fine</p></body></html>");
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(800, 600, mobile: false);
        await page.NavigateAsync(new Uri(file));
        var failures = (string)(await page.EvaluateAsync(ContrastProbe.Script))!;
        Assert.StartsWith("p. 'faint' 2.85", failures);
        Assert.DoesNotContain("fine", failures);
    }

    internal static async Task CheckPageAsync(HeadlessChromium browser, Uri url, string name, int width, int height, bool mobile, bool dark)
    {
        await using var page = await browser.OpenPageAsync(width, height, mobile, dark);
        await page.NavigateAsync(url);
        var label = $"{name} at {width}px{(dark ? " dark" : "")}";

        var scrollWidth = (double)(await page.EvaluateAsync("document.documentElement.scrollWidth"))!;
        var innerWidth = (double)(await page.EvaluateAsync("window.innerWidth"))!;
        Assert.True(scrollWidth <= innerWidth, $"{label}: the page scrolls sideways ({scrollWidth} > {innerWidth})");

        // Pictures below the first screen load lazily: asked for now, every one must arrive.
        await page.EvaluateAsync("Array.from(document.images).forEach(i => i.loading = 'eager')");
        await page.WaitForAsync("Array.from(document.images).every(i => i.complete)");
        var brokenImages = (double)(await page.EvaluateAsync(
            "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length"))!;
        Assert.True(brokenImages == 0, $"{label}: {brokenImages} images did not load");
        var styled = (string)(await page.EvaluateAsync("getComputedStyle(document.body).lineHeight"))!;
        Assert.NotEqual("normal", styled); // the stylesheet loaded (under the page's own CSP)
        var lowContrast = (string)(await page.EvaluateAsync(ContrastProbe.Script))!;
        Assert.True(lowContrast.Length == 0, $"{label}: text below WCAG AA contrast:\n{lowContrast}");

        var viewport = ScreenshotCheck.Of(await page.ScreenshotAsync());
        Assert.Equal((width, height), (viewport.Width, viewport.Height));
        Assert.True(viewport.DistinctColours > 50 && viewport.InkShare > 0.01, $"{label}: the screenshot looks blank ({viewport})");

        var full = await page.ScreenshotAsync(fullPage: true);
        Directory.CreateDirectory(ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotDirectory, $"{name}-{width}{(dark ? "-dark" : "")}.png"), full);

        // Keyboard users: the skip link comes into view when focused, with a visible outline.
        var skip = (string)(await page.EvaluateAsync(
            "(() => { const a = document.querySelector('a.skip-link'); a.focus(); const s = getComputedStyle(a); " +
            "return [document.activeElement === a, a.getBoundingClientRect().top >= 0, s.outlineStyle, s.outlineWidth].join(' '); })()"))!;
        Assert.Equal("true true solid 3px", skip);
        Assert.True(page.Errors.Count == 0, $"{label}: {string.Join("\n", page.Errors)}");
    }
}
