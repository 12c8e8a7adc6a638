using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Publishing;
using GptBook.Tests.Epub;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;

namespace GptBook.Tests.Formulas;

/// <summary>tests/books/math-sample built once to PDF, EPUB and site, shared by the tests that read them back.</summary>
public sealed class MathSampleBuild : IDisposable
{
    public static readonly string BookFile = Path.Combine(RepositoryPaths.Root, "tests", "books", "math-sample", "book.yml");

    public MathSampleBuild()
    {
        var diagnostics = new DiagnosticBag();
        Options = BookOptionsReader.Read(BookFile, diagnostics)!;
        Model = BookLoader.Load(Options, diagnostics);
        Result = BookPublisher.Publish(new PublishRequest(BookFile, Output.FullName, OutputFormats.Pdf | OutputFormats.Epub | OutputFormats.Site, Strict: false, Incremental: false),
            new NoObserver());
    }

    public DirectoryInfo Output { get; } = Directory.CreateTempSubdirectory("gptbook-math-sample-");
    public BookOptions Options { get; }
    public Book Model { get; }
    public PublishResult Result { get; }
    public string EpubPath => Path.Combine(Output.FullName, "math-sample.epub");
    public string PdfPath => Path.Combine(Output.FullName, "math-sample.pdf");
    public string SiteDirectory => Path.Combine(Output.FullName, "site");

    public void Dispose() => Output.Delete(recursive: true);

    private sealed class NoObserver : IPublishObserver
    {
        public void StageStarted(string stage) { }
        public void StageFinished(string stage, TimeSpan elapsed, string? detail) { }
    }
}

/// <summary>
/// The math test book (more than 200 formulas in the forms Chinese LLM books use) as EPUB and site: every formula is
/// a MathML <c>math</c> element with its TeX as alttext, display math is <c>display="block"</c>, the pages holding
/// formulas are declared <c>mathml</c>, epubcheck finds nothing, references are links to the numbered equations,
/// and no TeX is left in the text.
/// </summary>
public partial class MathSampleBookTests(MathSampleBuild build) : IClassFixture<MathSampleBuild>
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace M = "http://www.w3.org/1998/Math/MathML";

    private IEnumerable<MathFormula> Formulas() =>
        build.Model.Chapters.SelectMany(c => c.Blocks).SelectMany(b => b.DescendantsAndSelf()).SelectMany(b => b switch
        {
            DisplayMath m => [m.Formula],
            _ => b.InlineContent().SelectMany(l => l).SelectMany(i => i.DescendantsAndSelf()).OfType<InlineMath>().Select(i => i.Formula),
        });

    /// <summary>Formulas that draw something (a definition alone draws nothing; a lone \eqref is a link, not math).</summary>
    private MathFormula[] DrawnFormulas() =>
        Formulas().Where(f => f.Root is not MathReference && !(f.Root is MathRow { Items.Count: 0 })).ToArray();

    private Dictionary<string, XDocument> EpubPages()
    {
        using var zip = ZipFile.OpenRead(build.EpubPath);
        return zip.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal) && !e.FullName.EndsWith("nav.xhtml", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, e => { using var s = e.Open(); return XDocument.Load(s); });
    }

    [Fact]
    public void The_book_builds_without_a_diagnostic_and_has_more_than_200_formulas_covering_the_constructs()
    {
        Assert.True(build.Result.Outcome == PublishOutcome.Built, string.Join("\n", build.Result.Diagnostics));
        Assert.DoesNotContain(build.Result.Diagnostics, d => d.Code.StartsWith("GB06", StringComparison.Ordinal));
        var formulas = DrawnFormulas();
        Assert.True(formulas.Length >= 200, $"{formulas.Length} formulas");
        var nodes = formulas.SelectMany(f => f.Root.DescendantsAndSelf()).ToArray();
        foreach (var kind in new[] { typeof(MathFraction), typeof(MathScripts), typeof(MathRadical), typeof(MathOperator), typeof(MathFenced),
                     typeof(MathSizedDelimiter), typeof(MathAccent), typeof(MathText), typeof(MathSpace), typeof(MathTable), typeof(MathUnderOver) })
            Assert.Contains(nodes, n => n.GetType() == kind);
        foreach (var environment in new[] { "aligned", "align", "align*", "gather", "split", "cases", "matrix", "pmatrix", "bmatrix", "vmatrix", "array" })
            Assert.Contains(nodes, n => n is MathTable t && t.Environment == environment);
    }

    [Fact]
    public void Every_formula_is_a_math_element_in_the_epub_with_its_source_as_alttext()
    {
        var maths = EpubPages().Values.SelectMany(d => d.Descendants(M + "math")).ToArray();
        var formulas = DrawnFormulas();
        Assert.Equal(formulas.Length, maths.Length);
        Assert.Equal(formulas.Select(f => f.Source.Trim()).Order(StringComparer.Ordinal), maths.Select(m => (string)m.Attribute("alttext")!).Order(StringComparer.Ordinal));
        Assert.Equal(formulas.Count(f => f.Display), maths.Count(m => (string?)m.Attribute("display") == "block"));
        Assert.DoesNotContain(maths, m => m.Descendants(M + "merror").Any());
    }

    [Fact]
    public void Pages_with_formulas_are_declared_mathml_and_epubcheck_finds_nothing()
    {
        using (var zip = ZipFile.OpenRead(build.EpubPath))
        {
            var opf = XDocument.Load(zip.GetEntry("EPUB/package.opf")!.Open());
            XNamespace opfNs = "http://www.idpf.org/2007/opf";
            foreach (var (name, page) in EpubPages())
            {
                var item = opf.Descendants(opfNs + "item").Single(i => name.EndsWith("/" + (string)i.Attribute("href")!, StringComparison.Ordinal));
                var declared = ((string?)item.Attribute("properties") ?? "").Split(' ').Contains("mathml");
                Assert.True(declared == page.Descendants(M + "math").Any(), name);
            }
        }
        Epubcheck.AssertValid(build.EpubPath);
    }

    /// <summary>MathML with its TeX as alttext: the package says so (the alttext is what describedMath asks for).</summary>
    [Fact]
    public void The_accessibility_metadata_says_mathml_and_described_math()
    {
        using var zip = ZipFile.OpenRead(build.EpubPath);
        var opf = XDocument.Load(zip.GetEntry("EPUB/package.opf")!.Open());
        XNamespace opfNs = "http://www.idpf.org/2007/opf";
        var features = opf.Descendants(opfNs + "meta").Where(m => (string?)m.Attribute("property") == "schema:accessibilityFeature").Select(m => m.Value).ToArray();
        Assert.Contains("MathML", features);
        Assert.Contains("describedMath", features);
        var summary = opf.Descendants(opfNs + "meta").Single(m => (string?)m.Attribute("property") == "schema:accessibilitySummary").Value;
        Assert.Contains("TeX", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void References_are_links_to_numbered_equations_in_chapter_numbering()
    {
        var pages = EpubPages();
        var ids = pages.SelectMany(p => p.Value.Descendants().Select(e => (Page: p.Key, Id: (string?)e.Attribute("id")))).Where(x => x.Id != null).ToArray();
        var links = pages.Values.SelectMany(d => d.Descendants(X + "a")).Where(a => ((string?)a.Attribute("class"))?.Contains("equation-ref", StringComparison.Ordinal) == true).ToArray();
        Assert.True(links.Length >= 8, $"{links.Length} equation links");
        foreach (var link in links)
        {
            var href = (string)link.Attribute("href")!;
            var id = href[(href.IndexOf('#') + 1)..];
            Assert.Contains(ids, x => x.Id == id);
        }
        Assert.Contains(links, a => a.Value == "(1.1)" && ((string)a.Attribute("href")!).EndsWith("#eq-sigmoid", StringComparison.Ordinal));
        Assert.Contains(links, a => a.Value == "(Attn)");
        Assert.Contains(links, a => a.Value == "(3.5)");
        Assert.Contains(links, a => a.Value == "3.5");
        var numbers = pages.Values.SelectMany(d => d.Descendants()).Where(e => ((string?)e.Attribute("class"))?.Contains("equation-number", StringComparison.Ordinal) == true)
            .Select(e => e.Value).ToArray();
        Assert.Contains("(2.1)", numbers); // the first line of the positional encoding align
        Assert.Contains("[残差]", numbers); // \tag*
    }

    [Fact]
    public void The_number_of_a_split_stands_beside_the_whole_block_in_the_epub_and_the_site()
    {
        var outputs = new[] { EpubPages().Values.ToArray(), SitePages().ToArray() };
        foreach (var pages in outputs)
        {
            var math = pages.SelectMany(p => p.Descendants(M + "math")).Single(m => ((string?)m.Attribute("alttext"))?.Contains(@"\begin{split}", StringComparison.Ordinal) == true);
            // The number is the display's own, beside the <math> element (the stylesheet sets it level with its
            // middle), not a cell of the split's first row.
            var display = math.Parent!;
            Assert.Equal("math-display numbered", (string?)display.Attribute("class"));
            var number = display.Elements(X + "span").Single(s => (string?)s.Attribute("class") == "equation-number");
            Assert.Matches(@"^\(3\.\d+\)$", number.Value);
            Assert.Equal(2, math.Descendants(M + "mtr").Count());
            Assert.DoesNotContain(math.Descendants(M + "mtd"), c => ((string?)c.Attribute("class"))?.Contains("equation-number", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public void No_tex_is_left_in_the_text_of_the_epub_or_the_site()
    {
        var texts = EpubPages().Values.Select(d => d.Root!).Concat(SitePages().Select(p => p.Root!))
            .Select(VisibleTextOutsideMath).ToArray();
        foreach (var text in texts)
        {
            Assert.DoesNotMatch(TexCommand(), text);
            Assert.DoesNotMatch(DollarFormula(), text);
        }
        Assert.Contains(texts, t => t.Contains("卖 $5 and $10 两个版本", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("转义的 $20", StringComparison.Ordinal));
    }

    [Fact]
    public void The_site_pages_carry_the_same_math_elements()
    {
        var maths = SitePages().SelectMany(p => p.Descendants(M + "math")).ToArray();
        Assert.Equal(DrawnFormulas().Length, maths.Length);
        var html = Directory.GetFiles(build.SiteDirectory, "*.html").Select(File.ReadAllText).First(t => t.Contains("<math", StringComparison.Ordinal));
        Assert.Contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"", html, StringComparison.Ordinal);
        // MathML is drawn by the browser itself: the only script is the site's own (search), no MathJax or KaTeX.
        Assert.Equal(["site.js"], ScriptSources().Matches(html).Select(m => m.Groups[1].Value).Distinct());
    }

    [Fact]
    public void The_epub_and_the_site_carry_the_same_formula_rules_once()
    {
        string epubCss;
        using (var zip = ZipFile.OpenRead(build.EpubPath))
        using (var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".css", StringComparison.Ordinal)).Open()))
            epubCss = reader.ReadToEnd();
        var siteCss = File.ReadAllText(Path.Combine(build.SiteDirectory, "site.css"));
        foreach (var css in new[] { epubCss, siteCss })
        {
            Assert.Equal(1, Regex.Count(css, Regex.Escape(global::GptBook.Html.FormulaStyles.Css)));
            Assert.Equal(1, Regex.Count(css, @"\.math-display \{"));
        }
    }

    [SkippableFact]
    public async Task A_numbered_display_is_centred_with_its_number_level_with_its_middle_and_on_a_phone_the_number_goes_below()
    {
        ExternalTool.Require("chromium");
        var page = Directory.GetFiles(build.SiteDirectory, "*.html").First(f => File.ReadAllText(f).Contains("id=\"eq-attention\"", StringComparison.Ordinal));
        await using var browser = await HeadlessChromium.LaunchAsync();
        foreach (var width in new[] { 1280, 390 })
        {
            await using var tab = await browser.OpenPageAsync(width, 900, mobile: width < 500);
            await tab.NavigateAsync(new Uri(page));
            // The attention formula: a fraction in parentheses, three lines tall, so a number at the line's top shows.
            var rects = (System.Text.Json.Nodes.JsonArray)(await tab.EvaluateAsync("""
                (() => {
                  const d = document.getElementById('eq-attention');
                  return [d, d.querySelector('math'), d.querySelector('.equation-number')].map(e => e.getBoundingClientRect())
                    .flatMap(r => [r.left, r.right, r.top, r.bottom]);
                })()
                """))!;
            var v = rects.Select(x => (double)x!).ToArray();
            var (display, formula, number) = ((L: v[0], R: v[1], T: v[2], B: v[3]), (L: v[4], R: v[5], T: v[6], B: v[7]), (L: v[8], R: v[9], T: v[10], B: v[11]));
            var shown = $"{width}px: display {display}, formula {formula}, number {number}";
            Assert.True(formula.B - formula.T > 2 * (number.B - number.T), shown);
            // Always in sight and clear of the formula, flush with the right edge of the text.
            Assert.True(number.L >= display.L && Math.Abs(number.R - display.R) <= 1, shown);
            Assert.True(number.T >= formula.B - 1 || number.L >= formula.R, shown);
            if (width == 1280)
            {
                Assert.True(Math.Abs((number.T + number.B) / 2 - (formula.T + formula.B) / 2) <= 2, shown);
                Assert.True(Math.Abs((formula.L + formula.R) / 2 - (display.L + display.R) / 2) <= 2, shown);
            }
            else Assert.True(number.T >= formula.B - 1, shown); // too wide for both on one line: the number under it
        }
    }

    [SkippableFact]
    public async Task The_numbers_of_an_aligns_rows_stand_at_the_right_margin_each_level_with_its_row()
    {
        ExternalTool.Require("chromium");
        // Adam's align: five rows, one of them \notag, one with fractions (two lines tall). On the site's page, and on
        // the EPUB's as a Chromium-based reading system (calibre's viewer) shows it.
        static bool HasAdam(string file) => File.ReadAllText(file).Contains("id=\"eq-3-2\"", StringComparison.Ordinal);
        using var epub = new TemporaryDirectory();
        ZipFile.ExtractToDirectory(build.EpubPath, epub.Path);
        var pages = new[]
        {
            Directory.GetFiles(build.SiteDirectory, "*.html").First(HasAdam),
            Directory.GetFiles(epub.Path, "*.xhtml", SearchOption.AllDirectories).First(HasAdam),
        };
        await using var browser = await HeadlessChromium.LaunchAsync();
        foreach (var (page, width) in pages.SelectMany(p => new[] { (p, 1280), (p, 390) }))
        {
            await using var tab = await browser.OpenPageAsync(width, 900, mobile: width < 500);
            await tab.NavigateAsync(new Uri(page));
            // The display's edges and whether it scrolls, the formula's cells' extent, then per numbered row the
            // number's right edge and middle and the middle of the row's "=" (on the math axis, as a number's is).
            var values = ((System.Text.Json.Nodes.JsonArray)(await tab.EvaluateAsync("""
                (() => {
                  const first = document.getElementById('eq-3-2');
                  const display = first.closest('.math-display');
                  const d = display.getBoundingClientRect();
                  const cells = [...first.parentElement.querySelectorAll('mtd')].filter(c => !c.classList.contains('equation-number') && !c.classList.contains('equation-balance'))
                    .map(c => c.getBoundingClientRect());
                  const rows = [...first.parentElement.children].filter(r => r.querySelector('.equation-number mtext'));
                  return [d.left, d.right, display.scrollWidth > display.clientWidth ? 1 : 0,
                          Math.min(...cells.map(c => c.left)), Math.max(...cells.map(c => c.right)),
                          ...rows.flatMap(r => {
                            const n = r.querySelector('.equation-number mtext').getBoundingClientRect();
                            const eq = [...r.querySelectorAll('mo')].find(o => o.textContent === '=').getBoundingClientRect();
                            return [n.right, (n.top + n.bottom) / 2, (eq.top + eq.bottom) / 2, n.width];
                          })];
                })()
                """))!).Select(x => (double)x!).ToArray();
            var (left, right, scrolls, formulaLeft, formulaRight) = (values[0], values[1], values[2] > 0, values[3], values[4]);
            var rows = values[5..].Chunk(4).ToArray();
            var shown = $"{Path.GetFileName(page)} at {width}px: {string.Join(", ", values.Select(v => v.ToString("0.#", CultureInfo.InvariantCulture)))}";
            Assert.Equal(4, rows.Length);
            foreach (var row in rows)
            {
                // Level with its row: a number floated to the row's top stood a third of a line above its baseline.
                Assert.True(Math.Abs(row[1] - row[2]) <= 2.5, shown);
                if (!scrolls) Assert.True(Math.Abs(row[0] - right) <= 1, shown);
            }
            // Centred on the measure, within half a number's width: the table gives the numbers' column their width on
            // top of its half.
            if (width == 1280) Assert.True(Math.Abs((formulaLeft + formulaRight) / 2 - (left + right) / 2) <= rows.Max(r => r[3]) / 2 + 1, shown);
        }
    }

    [SkippableFact]
    public async Task Chinese_in_a_formula_is_drawn_in_the_books_own_face_where_the_system_has_no_chinese_font()
    {
        // \text{否则} in a cases environment: a math face has no Han, so without a Chinese system font (an e-reader's
        // browser, a bare Linux) the stylesheet's fallback to the page's faces is all that draws it.
        ExternalTool.Require("chromium");
        var page = Directory.GetFiles(build.SiteDirectory, "*.html").First(f => File.ReadAllText(f).Contains("<mtext>否则</mtext>", StringComparison.Ordinal));
        await using var browser = await HeadlessChromium.LaunchAsync(withoutCjkSystemFonts: true);
        await using var tab = await browser.OpenPageAsync(390, 844, mobile: true);
        await tab.NavigateAsync(new Uri(page));
        Assert.True(await tab.WaitForAsync("document.fonts.status === 'loaded' && document.fonts.size > 0"), "the fonts did not load");
        await tab.EvaluateAsync("[...document.querySelectorAll('mtext')].find(e => e.textContent === '否则').id = 'chinese-in-math'");
        var fonts = await tab.PlatformFontsAsync("#chinese-in-math");
        Assert.True(fonts.Count > 0 && fonts.All(f => f.WebFont && f.Family.Contains("Noto Serif SC", StringComparison.Ordinal)),
            "否则 drawn in: " + string.Join(", ", fonts));
    }

    /// <summary>The site's chapter pages (a chapter opened at each heading; redirects and the search page hold no content).</summary>
    private IEnumerable<XDocument> SitePages() =>
        Directory.GetFiles(build.SiteDirectory, "*.html").Select(f => XDocument.Parse(File.ReadAllText(f).Replace("<!DOCTYPE html>", "", StringComparison.Ordinal)))
            .Where(d => d.Descendants(X + "main").Any());

    private static string VisibleTextOutsideMath(XElement root)
    {
        var copy = new XElement(root);
        foreach (var e in copy.Descendants().Where(e => e.Name == M + "math" || e.Name.LocalName is "code" or "pre" or "script" or "style" or "head").ToArray())
            e.Remove();
        return copy.Value;
    }

    [GeneratedRegex(@"<script[^>]*src=""([^""]+)""[^>]*>")]
    private static partial Regex ScriptSources();

    [GeneratedRegex(@"\\[A-Za-z]+")]
    private static partial Regex TexCommand();

    [GeneratedRegex(@"\$[^\s$][^$]*[^\s$]\$(?!\d)")]
    private static partial Regex DollarFormula();
}
