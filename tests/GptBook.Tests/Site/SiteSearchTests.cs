using System.Text.Json;
using GptBook.Site.Preview;
using GptBook.Site.Search;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>Search in Chinese: the index the build writes, and search.html answering in Chromium, from file:// and
/// over HTTP; and every page read with JavaScript turned off.</summary>
public sealed class SiteSearchTests(ArticleSiteFixture article) : IClassFixture<ArticleSiteFixture>
{
    [Fact]
    public void Ideographic_text_is_keyed_by_overlapping_pairs_and_other_text_by_folded_words()
    {
        var (pairs, words) = (new List<string>(), new List<string>());
        SearchText.Keys(SearchText.Fold("大语言模型（ＧＰＴ-4）与 BERT"), pairs, words);
        Assert.Equal(["大语", "语言", "言模", "模型"], pairs);
        Assert.Equal(["gpt", "4", "bert"], words);
        Assert.Equal("gpt-4 bert", SearchText.Fold("ＧＰＴ-4 BERT"));
    }

    [Fact]
    public void The_article_index_rides_in_search_html_as_json_an_html_parser_reads_unchanged()
    {
        var path = Path.Combine(article.Site.Directory, SearchPage.FileName);
        var block = article.Site.Pages[SearchPage.FileName].Descendants(SitePages.X + "script").Single(s => (string?)s.Attribute("id") == "search-index");
        Assert.DoesNotMatch("[<>&]", block.Value); // so the XML view and an HTML parser read the same characters
        Assert.Contains(block.Value, File.ReadAllText(path));
        using var json = JsonDocument.Parse(block.Value);
        var root = json.RootElement;
        var sections = root.GetProperty("sections").EnumerateArray().ToArray();
        Assert.Equal(sections.Length, root.GetProperty("texts").GetArrayLength());
        var gpt1 = Array.FindIndex(sections, s => s[1].GetString() == "gpt-1-不同关注点的起点");
        Assert.True(gpt1 >= 0);
        Assert.Contains("泛化能力", root.GetProperty("texts")[gpt1].GetString());

        // The pair 泛化 lists the GPT-1 section.
        var pairs = root.GetProperty("pairs").GetString()!.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var at = Enumerable.Range(0, pairs.Length / 2).Single(i => pairs[2 * i] + pairs[2 * i + 1] == "泛化");
        var gaps = root.GetProperty("pairPostings")[at].EnumerateArray().Select(g => g.GetInt32()).ToArray();
        var postings = gaps.Select((g, i) => gaps.Take(i + 1).Sum()).ToArray();
        Assert.Contains(gpt1, postings);
    }

    private static async Task<(string Status, string[] Links, string[] Marks)> ResultsAsync(BrowserPage page)
    {
        Assert.True(await page.WaitForAsync("document.getElementById('search-status')?.textContent.length > 0"), "no search status");
        var status = (string)(await page.EvaluateAsync("document.getElementById('search-status').textContent"))!;
        var links = (await page.EvaluateAsync("Array.from(document.querySelectorAll('#search-results a')).map(a => decodeURIComponent(a.getAttribute('href')))"))!
            .AsArray().Select(n => (string)n!).ToArray();
        var marks = (await page.EvaluateAsync("Array.from(document.querySelectorAll('#search-results mark')).map(m => m.textContent)"))!
            .AsArray().Select(n => (string)n!).ToArray();
        return (status, links, marks);
    }

    [SkippableFact]
    public async Task A_two_character_word_finds_its_section_from_file_and_over_http_and_an_absent_word_says_so()
    {
        ExternalTool.Require("chromium");
        await using var server = new SitePreviewServer(article.Site.Directory);
        var http = server.Start();
        await using var browser = await HeadlessChromium.LaunchAsync();
        foreach (var site in new[] { new Uri(article.Site.Directory + "/"), http })
        {
            await using var page = await browser.OpenPageAsync(1280, 900, mobile: false);
            await page.NavigateAsync(site.AbsoluteUri + "search.html?q=" + Uri.EscapeDataString("泛化"));
            var (status, links, marks) = await ResultsAsync(page);
            Assert.Matches("^“泛化”：找到 \\d+ 处。$", status);
            Assert.Contains(links, l => l.EndsWith(".html#gpt-1-不同关注点的起点", StringComparison.Ordinal));
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.Equal("泛化", m));

            await page.NavigateAsync(site.AbsoluteUri + "search.html?q=" + Uri.EscapeDataString("量子"));
            (status, links, _) = await ResultsAsync(page);
            Assert.Equal("没有找到“量子”。", status);
            Assert.Empty(links);
            Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
        }
    }

    [SkippableFact]
    public async Task The_header_box_on_a_chapter_page_opens_the_results_and_a_result_leads_to_its_heading()
    {
        ExternalTool.Require("chromium");
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
        var chapter = article.Site.Pages.Keys.First(k => (string?)article.Site.Pages[k].Root!.Element(SitePages.X + "body")!.Attribute("class") == "page-chunk");
        await page.NavigateAsync(new Uri(Path.Combine(article.Site.Directory, chapter)));
        Assert.Equal("visible", (string)(await page.EvaluateAsync("getComputedStyle(document.querySelector('.site-search')).visibility"))!);
        await page.EvaluateAsync("""
            (() => { const box = document.querySelector('.site-search input'); box.value = 'RLHF';
                     box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })); })()
            """);
        Assert.True(await page.WaitForAsync("location.pathname.endsWith('/search.html') && document.querySelectorAll('#search-results a').length > 0"),
            "Enter in the header's box did not open the results");
        var (status, links, marks) = await ResultsAsync(page);
        Assert.StartsWith("“rlhf”".Replace("rlhf", "RLHF"), status);
        Assert.All(marks, m => Assert.Equal("RLHF", m));
        await page.EvaluateAsync("document.querySelector('#search-results a').click()");
        Assert.True(await page.WaitForAsync("location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1))) !== null"));
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }

    [SkippableFact]
    public async Task With_javascript_off_every_page_reads_and_the_search_page_says_what_it_needs()
    {
        ExternalTool.Require("chromium");
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.OpenPageAsync(390, 844, mobile: true);
        await page.DisableScriptsAsync();
        foreach (var name in article.Site.Pages.Keys)
        {
            await page.NavigateAsync(new Uri(Path.Combine(article.Site.Directory, name)));
            if (article.Site.Pages[name].Descendants(SitePages.X + "meta").Any(m => (string?)m.Attribute("http-equiv") == "refresh"))
            {
                // A page left at an old address sends the reader on without a script. The page it leads to is
                // loaded whole before the next navigation, which would otherwise break off its loading.
                Assert.True(await page.WaitForAsync($"!location.pathname.endsWith('/{Uri.EscapeDataString(name)}') && document.querySelector('article') !== null && document.readyState === 'complete'"),
                    $"{name} did not lead on without JavaScript");
                continue;
            }
            var text = (string)(await page.EvaluateAsync("document.querySelector('main').innerText"))!;
            Assert.True(text.Trim().Length > 10, $"{name}: the main text is missing without JavaScript");
            // The header's search box needs the script: without it, it stays hidden (its space kept).
            Assert.True((bool)(await page.EvaluateAsync("[...document.querySelectorAll('.site-search')].every(b => getComputedStyle(b).visibility === 'hidden')"))!);
            var styled = (string)(await page.EvaluateAsync("getComputedStyle(document.body).lineHeight"))!;
            Assert.NotEqual("normal", styled);
            if (name == SearchPage.FileName)
            {
                Assert.Contains("JavaScript", text);
                Assert.Equal(0, (double)(await page.EvaluateAsync("document.querySelectorAll('#search-results li').length"))!);
            }
            else Assert.DoesNotContain("JavaScript", text);
        }
        Assert.True(page.Errors.Count == 0, string.Join("\n", page.Errors));
    }
}
