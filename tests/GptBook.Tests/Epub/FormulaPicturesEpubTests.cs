using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub.MathImages;
using GptBook.Formulas;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Publishing;
using GptBook.Tests.Site.Browser;
using GptBook.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Epub;

/// <summary>
/// tests/books/math-sample with <c>epub: { math: images }</c>, built to EPUB twice (to compare the bytes), and the
/// model it was built from, so the tests can count the formulas it must show.
/// </summary>
public sealed class FormulaPicturesBuild : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public FormulaPicturesBuild()
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "books", "math-sample");
        var book = Path.Combine(_directory.Path, "book");
        System.IO.Directory.CreateDirectory(book);
        foreach (var file in System.IO.Directory.GetFiles(source)) File.Copy(file, Path.Combine(book, Path.GetFileName(file)));
        BookFile = Path.Combine(book, "book.yml");
        File.AppendAllText(BookFile, "epub:\n  math: images\n");
        var diagnostics = new DiagnosticBag();
        Model = BookLoader.Load(BookOptionsReader.Read(BookFile, diagnostics)!, diagnostics);
        Result = Publish("out");
        Again = Publish("again");
    }

    public string BookFile { get; }
    public Book Model { get; }
    public PublishResult Result { get; }
    public PublishResult Again { get; }
    public string EpubPath => Path.Combine(_directory.Path, "out", "math-sample.epub");
    public string AgainPath => Path.Combine(_directory.Path, "again", "math-sample.epub");
    public string Directory => _directory.Path;

    private PublishResult Publish(string output) =>
        BookPublisher.Publish(new PublishRequest(BookFile, Path.Combine(_directory.Path, output), OutputFormats.Epub, Strict: false, Incremental: false), new Silent());

    public void Dispose() => _directory.Dispose();

    private sealed class Silent : IPublishObserver
    {
        public void StageStarted(string stage) { }
        public void StageFinished(string stage, TimeSpan elapsed, string? detail) { }
    }
}

/// <summary>
/// The EPUB for Kindle (<c>epub.math: images</c>) on the math test book: every formula an SVG picture drawn by the
/// PDF's engine, with its TeX as alt text, sized and lowered in em as its SVG says, display formulas centred with
/// their numbers and anchors, identical formulas one file, epubcheck clean, truthful accessibility metadata, the
/// same bytes from the same input; and calibre's AZW3 keeps each picture (as SVG, which KF8 draws).
/// </summary>
public sealed partial class FormulaPicturesEpubTests(FormulaPicturesBuild build) : IClassFixture<FormulaPicturesBuild>
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace M = "http://www.w3.org/1998/Math/MathML";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";

    /// <summary>The formulas that draw something (a definition alone draws nothing; a lone \eqref is a link).</summary>
    private string[] DrawnSources() =>
        build.Model.Chapters.SelectMany(c => c.Blocks).SelectMany(b => b.DescendantsAndSelf()).SelectMany(b => b switch
            {
                DisplayMath m => [m.Formula],
                _ => b.InlineContent().SelectMany(l => l).SelectMany(i => i.DescendantsAndSelf()).OfType<InlineMath>().Select(i => i.Formula),
            })
            .Where(f => f.Root is not MathReference && !(f.Root is MathRow { Items.Count: 0 } && f.Numbers.Count == 0))
            .Select(f => f.Source.Trim()).ToArray();

    private Dictionary<string, byte[]> Entries()
    {
        using var zip = ZipFile.OpenRead(build.EpubPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    private static XDocument Xml(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    private Dictionary<string, XDocument> Pages() =>
        Entries().Where(e => e.Key.EndsWith(".xhtml", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => Xml(e.Value));

    private static IEnumerable<XElement> Pictures(XDocument page) =>
        page.Descendants(X + "img").Where(i => (string?)i.Attribute("class") == "math");

    [Fact]
    public void Every_formula_is_an_svg_picture_with_its_tex_as_alt_text_and_no_mathml_is_left()
    {
        Assert.True(build.Result.Outcome == PublishOutcome.Built, string.Join("\n", build.Result.Diagnostics));
        var pages = Pages();
        Assert.DoesNotContain(pages.Values, p => p.Descendants(M + "math").Any());
        var pictures = pages.Values.SelectMany(Pictures).ToArray();
        var sources = DrawnSources();
        Assert.True(sources.Length >= 200, $"{sources.Length} formulas");
        // One picture with alt text per formula; the later lines of a numbered align are decoration (alt="").
        Assert.Equal(sources.Order(StringComparer.Ordinal),
            pictures.Select(p => (string)p.Attribute("alt")!).Where(a => a.Length > 0).Order(StringComparer.Ordinal));

        var entries = Entries();
        var opf = Xml(entries["EPUB/package.opf"]);
        var items = opf.Descendants(Opf + "item").ToDictionary(i => (string)i.Attribute("href")!);
        foreach (var src in pictures.Select(p => (string)p.Attribute("src")!).Distinct())
        {
            Assert.True(entries.ContainsKey("EPUB/" + src), src);
            Assert.Equal("image/svg+xml", (string?)items[src].Attribute("media-type"));
        }
        Assert.DoesNotContain(items.Values, i => ((string?)i.Attribute("properties") ?? "").Contains("mathml", StringComparison.Ordinal));

        // The same formula in the same style is one file: inline pictures with the same TeX share their source.
        var inline = pictures.Where(p => !p.Ancestors(X + "div").Any(d => ((string?)d.Attribute("class"))?.Contains("math-display", StringComparison.Ordinal) == true));
        Assert.All(inline.GroupBy(p => (string)p.Attribute("alt")!), g => Assert.Single(g.Select(p => (string)p.Attribute("src")!).Distinct()));
        var svgFiles = entries.Keys.Count(k => k.StartsWith("EPUB/images/math-", StringComparison.Ordinal));
        Assert.Equal(pictures.Select(p => (string)p.Attribute("src")!).Distinct().Count(), svgFiles);
        Assert.True(svgFiles < pictures.Length, $"{svgFiles} files for {pictures.Length} pictures: repeated formulas were not shared");
    }

    private static bool InDisplay(XElement picture) =>
        picture.Ancestors(X + "div").Any(d => ((string?)d.Attribute("class"))?.Split(' ').Contains("math-display") == true);

    private static Dictionary<string, double> Style(XElement picture) =>
        StyleRule().Matches((string)picture.Attribute("style")!).ToDictionary(m => m.Groups["name"].Value,
            m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static double[] ViewBox(XElement svg) =>
        ((string)svg.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Each_picture_is_only_paths_and_rects_and_its_img_is_sized_and_lowered_as_the_svg_says()
    {
        var entries = Entries();
        var lowered = new List<double>();
        var displays = 0;
        foreach (var picture in Pages().Values.SelectMany(Pictures))
        {
            var svg = Xml(entries["EPUB/" + (string)picture.Attribute("src")!]).Root!;
            Assert.Equal(Svg + "svg", svg.Name);
            // Ink and bars, and the one style rule that lightens the ink in a dark colour scheme.
            Assert.Equal(Svg + "style", svg.Elements().First().Name);
            Assert.All(svg.Elements().Skip(1).DescendantsAndSelf(), e => Assert.True(e.Name.LocalName is "path" or "rect", e.Name.LocalName));
            Assert.Empty(svg.Elements().Skip(1).DescendantNodesAndSelf().OfType<XText>());
            Assert.NotEmpty(svg.Elements().Skip(1));
            var view = ViewBox(svg);
            var style = Style(picture);
            Assert.Equal(view[2] / 1000, style["width"], 6);
            if (InDisplay(picture))
            {
                // A display gives its width alone: its height follows the picture's aspect ratio when it shrinks.
                Assert.Equal(["width"], style.Keys);
                displays++;
                continue;
            }
            Assert.Equal(view[3] / 1000, style["height"], 6);
            // Lowered by the depth below the baseline (y = 0 of the drawing), so the formula's baseline is the line's.
            Assert.Equal(-(view[1] + view[3]) / 1000, style["vertical-align"], 6);
            lowered.Add(style["vertical-align"]);
        }
        Assert.True(displays > 20, $"{displays} display pictures");
        Assert.Contains(lowered, v => v < -0.2); // a formula with a descender or a subscript hangs below the line
        Assert.Contains(lowered, v => v == 0); // and one without rests on it
    }

    /// <summary>
    /// The page with the widest display formula, in Chromium at a phone's 390 px: every display picture stays inside
    /// the column, the widest shrunk to it with its aspect ratio kept, the narrow ones and those in running text at
    /// their size in em. Then the same picture in a dark colour scheme over a reader's black page (what a night
    /// theme does) shows light ink, and in a light one over white, dark ink.
    /// </summary>
    [SkippableFact]
    public async Task On_a_phone_a_wide_display_shrinks_to_the_column_and_a_dark_scheme_shows_light_ink()
    {
        ExternalTool.Require("chromium");
        var pages = Pages();
        var widest = pages.SelectMany(p => p.Value.Descendants(X + "img").Where(i => (string?)i.Attribute("class") == "math" && InDisplay(i))
            .Select(i => (Page: p.Key, Width: Style(i)["width"]))).MaxBy(x => x.Width);
        Assert.True(widest.Width > 25, $"the widest display is {widest.Width} em"); // wider than a phone's column at any text size
        var folder = Path.Combine(build.Directory, "unzipped");
        if (!System.IO.Directory.Exists(folder)) ZipFile.ExtractToDirectory(build.EpubPath, folder);
        var page = new Uri(Path.Combine(folder, widest.Page));
        var entries = Entries();

        await using var browser = await HeadlessChromium.LaunchAsync();
        // Not emulated as a phone: an EPUB page has no viewport meta (the reading system sizes it), so a phone's
        // browser would lay it out 980 px wide; a reader's 390 px column is a 390 px window.
        await using (var tab = await browser.OpenPageAsync(390, 800, mobile: false))
        {
            await tab.NavigateAsync(page);
            var found = (System.Text.Json.Nodes.JsonArray)(await tab.EvaluateAsync("""
                Array.from(document.querySelectorAll('img.math')).map(img => {
                  const r = img.getBoundingClientRect(), d = img.closest('.math-display');
                  const c = d ? d.getBoundingClientRect() : null;
                  return [img.getAttribute('src'), img.style.width, parseFloat(getComputedStyle(img).fontSize), r.left, r.right, r.width, r.height,
                          c ? c.left : NaN, c ? c.right : NaN, img.complete && img.naturalWidth > 0];
                })
                """))!;
            var shrunk = 0;
            foreach (var row in found.Select(n => n!.AsArray()))
            {
                var (src, em, fontSize) = ((string)row[0]!, double.Parse(((string)row[1]!)[..^2], CultureInfo.InvariantCulture), (double)row[2]!);
                var (left, right, width, height) = ((double)row[3]!, (double)row[4]!, (double)row[5]!, (double)row[6]!);
                var shown = $"{src}: {em} em at {fontSize} px drawn {left}..{right}, {width}x{height}";
                Assert.True((bool)row[9]!, shown + " did not load");
                var view = ViewBox(Xml(entries["EPUB/" + src]).Root!);
                Assert.Equal(view[3] / view[2], height / width, 2); // never squashed
                if (row[7] is null) // running text: its size in em
                {
                    Assert.Equal(em * fontSize, width, 0);
                    continue;
                }
                var (columnLeft, columnRight) = ((double)row[7]!, (double)row[8]!);
                Assert.True(left >= columnLeft - 0.5 && right <= columnRight + 0.5, shown + $" outside the column {columnLeft}..{columnRight}");
                if (em * fontSize > columnRight - columnLeft + 0.5)
                {
                    Assert.Equal(columnRight - columnLeft, width, 0);
                    shrunk++;
                }
                else Assert.Equal(em * fontSize, width, 0);
            }
            Assert.True(shrunk >= 1, "no display was wider than the column: " + found.ToJsonString());
        }

        foreach (var dark in new[] { true, false })
        {
            await using var tab = await browser.OpenPageAsync(390, 800, mobile: false, dark: dark);
            await tab.NavigateAsync(page);
            var rect = (System.Text.Json.Nodes.JsonArray)(await tab.EvaluateAsync($$"""
                (() => {
                  document.documentElement.style.background = '{{(dark ? "#000000" : "#ffffff")}}';
                  const img = document.querySelector('.math-display img.math');
                  img.scrollIntoView();
                  const r = img.getBoundingClientRect();
                  return [r.left, r.top, r.width, r.height];
                })()
                """))!;
            var (x, y, w, h) = ((int)Math.Ceiling((double)rect[0]!), (int)Math.Ceiling((double)rect[1]!), (int)(double)rect[2]!, (int)(double)rect[3]!);
            using var shot = Image.Load<Rgba32>(await tab.ScreenshotAsync());
            int light = 0, darkInk = 0;
            for (var py = y; py < Math.Min(y + h, shot.Height); py++)
                for (var px = x; px < Math.Min(x + w, shot.Width); px++)
                {
                    var p = shot[px, py];
                    var luminance = (p.R * 299 + p.G * 587 + p.B * 114) / 1000;
                    if (luminance > 160) light++;
                    if (luminance < 96) darkInk++;
                }
            var ink = dark ? light : darkInk;
            Assert.True(ink > w * h / 50, $"dark scheme {dark}: {ink} ink pixels in {w}x{h}");
        }
    }

    [Fact]
    public void Display_formulas_are_centred_blocks_that_keep_their_numbers_and_anchors()
    {
        var pages = Pages();
        var displays = pages.Values.SelectMany(p => p.Descendants(X + "div"))
            .Where(d => ((string?)d.Attribute("class"))?.Split(' ').Contains("math-display") == true).ToArray();
        Assert.NotEmpty(displays);
        Assert.All(displays, d => Assert.NotEmpty(Pictures(new XDocument(d))));
        var numbers = displays.SelectMany(d => d.Descendants(X + "span")).Where(s => (string?)s.Attribute("class") == "equation-number").Select(s => s.Value).ToArray();
        Assert.Contains("(2.1)", numbers); // the first line of the positional encoding align, a line of its own
        Assert.Contains("(2.2)", numbers);
        Assert.Contains("[残差]", numbers);
        Assert.Contains("(Attn)", numbers);
        var ids = pages.Values.SelectMany(p => p.Descendants()).Select(e => (string?)e.Attribute("id")).Where(i => i != null).ToHashSet();
        var links = pages.Values.SelectMany(p => p.Descendants(X + "a")).Where(a => (string?)a.Attribute("class") == "equation-ref").ToArray();
        Assert.True(links.Length >= 8, $"{links.Length} equation links");
        Assert.All(links, a => Assert.Contains(((string)a.Attribute("href")!).Split('#')[1], ids));
        var css = System.Text.Encoding.UTF8.GetString(Entries().Single(e => e.Key.EndsWith(".css", StringComparison.Ordinal)).Value);
        Assert.Matches(@"\.math-display \{[^}]*text-align: center", css);
    }

    [SkippableFact]
    public void Epubcheck_finds_nothing_and_the_accessibility_metadata_says_formulas_are_described_pictures()
    {
        Epubcheck.AssertValid(build.EpubPath);
        var opf = Xml(Entries()["EPUB/package.opf"]);
        string[] Values(string property) => opf.Descendants(Opf + "meta").Where(m => (string?)m.Attribute("property") == property).Select(m => m.Value).ToArray();
        Assert.Contains("describedMath", Values("schema:accessibilityFeature"));
        Assert.Contains("alternativeText", Values("schema:accessibilityFeature"));
        Assert.DoesNotContain("MathML", Values("schema:accessibilityFeature"));
        Assert.Contains("visual", Values("schema:accessMode"));
        Assert.Contains("textual", Values("schema:accessModeSufficient"));
        Assert.Empty(Values("dcterms:conformsTo")); // pictures of formulas are images of text (WCAG 1.4.5): no claim
        Assert.Contains("TeX", Values("schema:accessibilitySummary").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_book_gives_the_same_bytes()
    {
        Assert.Equal(PublishOutcome.Built, build.Again.Outcome);
        Assert.Equal(File.ReadAllBytes(build.EpubPath), File.ReadAllBytes(build.AgainPath));
    }

    /// <summary>
    /// calibre's AZW3 (KF8, what Kindle users convert to) keeps each picture as an SVG resource that the text's img
    /// points at (kindle:flow, which the Kindle renderer draws); its MOBI output would rasterize them instead.
    /// </summary>
    [SkippableFact]
    public void Calibres_azw3_keeps_every_formula_picture_as_an_svg_of_paths()
    {
        ExternalTool.RequireSlowTools();
        var azw3 = Path.Combine(build.Directory, "math-sample.azw3");
        var convert = ExternalTool.Run("ebook-convert", [build.EpubPath, azw3], TimeSpan.FromMinutes(5), environment: Headless);
        Assert.True(convert.ExitCode == 0, "ebook-convert: " + convert.Output);
        var inspect = ExternalTool.Run("calibre-debug", ["--inspect-mobi", azw3], TimeSpan.FromMinutes(2), workingDirectory: build.Directory, environment: Headless);
        var dump = Path.Combine(build.Directory, "decompiled_math-sample");
        Assert.True(inspect.ExitCode == 0 && System.IO.Directory.Exists(dump), inspect.Output);
        var text = string.Concat(System.IO.Directory.GetFiles(Path.Combine(dump, "files"), "*.html").Select(File.ReadAllText));
        var flows = FlowImage().Matches(text).ToArray();
        Assert.Equal(Pages().Values.SelectMany(Pictures).Count(), flows.Length);
        foreach (var reference in flows.Select(m => m.Groups["n"].Value).Distinct())
        {
            var index = reference.Aggregate(0, (n, c) => n * 32 + "0123456789ABCDEFGHIJKLMNOPQRSTUV".IndexOf(c, StringComparison.Ordinal));
            var svg = XDocument.Load(Path.Combine(dump, "flows", $"flow{index:0000}.txt")).Root!;
            Assert.Equal(Svg + "svg", svg.Name);
            Assert.All(svg.Descendants(), e => Assert.True(e.Name.LocalName is "path" or "rect" or "style", e.Name.LocalName));
            // The dark scheme's rule arrives with the picture.
            Assert.Equal(FormulaSvgWriter.DarkSchemeStyle, svg.Element(Svg + "style")?.Value);
        }
        Assert.DoesNotContain("<math", text, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> Headless = new()
    {
        ["QT_QPA_PLATFORM"] = "offscreen",
        ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox",
    };

    [GeneratedRegex(@"(?<name>[a-z-]+):(?<value>-?[0-9.]+)em")]
    private static partial Regex StyleRule();

    [GeneratedRegex(@"<img[^>]*src=""kindle:flow:(?<n>[0-9A-V]{4})\?mime=image/svg\+xml""")]
    private static partial Regex FlowImage();
}

/// <summary>
/// A formula in a heading reaches the navigation document (the contents list the heading as written): as MathML the
/// nav document is then declared <c>mathml</c> like any page, as a picture it links the same SVG; epubcheck is clean
/// either way.
/// </summary>
public sealed class FormulaHeadingEpubTests
{
    [SkippableTheory]
    [InlineData("mathml")]
    [InlineData("images")]
    public void A_formula_in_a_heading_keeps_the_navigation_document_valid(string math)
    {
        using var dir = new TempBookDirectory();
        dir.Write("book.yml", $"id: hm\ntitle: 标题\nlanguage: zh-CN\nchapters: [a.md]\nepub:\n  math: {math}\n");
        dir.Write("a.md", "# 第一章 $x^2$ 的意义\n\n正文 $a_i$ 在这里。\n\n## 第二节\n\n文字。\n");
        var output = dir.PathOf("out");
        var result = BookPublisher.Publish(new PublishRequest(dir.PathOf("book.yml"), output, OutputFormats.Epub, Strict: false, Incremental: false), new Silent());
        Assert.True(result.Outcome == PublishOutcome.Built, string.Join("\n", result.Diagnostics));
        var epub = Path.Combine(output, "hm.epub");
        using (var zip = ZipFile.OpenRead(epub))
        {
            var nav = new StreamReader(zip.GetEntry("EPUB/nav.xhtml")!.Open()).ReadToEnd();
            Assert.Contains(math == "images" ? "<img class=\"math\"" : "<math ", nav, StringComparison.Ordinal);
        }
        Epubcheck.AssertValid(epub);
    }

    private sealed class Silent : IPublishObserver
    {
        public void StageStarted(string stage) { }
        public void StageFinished(string stage, TimeSpan elapsed, string? detail) { }
    }
}
