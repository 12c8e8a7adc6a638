using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GptBook.Publishing;
using GptBook.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Epub;

/// <summary>
/// The EPUB through the tools its readers use: calibre's conversions (what Kindle users and many Kobo users read)
/// and DAISY Ace (what accessibility reviewers run), on the article, on a test book written like a real Chinese
/// technical book, and on the long mixed Chinese/English/code book of tests/books/print-sample, each built once,
/// as `gptbook build` builds it (PDF alongside, so with a page list).
/// calibre converts each book once, to AZW3 and to PDF at the same time; the tests read the results.
/// </summary>
public sealed partial class ReaderToolchainTests(ReaderToolchainTests.Books books) : IClassFixture<ReaderToolchainTests.Books>
{
    private static readonly Dictionary<string, string> Headless = new()
    {
        ["QT_QPA_PLATFORM"] = "offscreen",
        ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox",
        ["PUPPETEER_EXECUTABLE_PATH"] = "/usr/bin/chromium",
    };

    public sealed class Books : IDisposable
    {
        public Books()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("gptbook-readers-").FullName;
            Article = Publish(RepositoryPaths.BookYml, "article");
            var copy = Path.Combine(Directory, "reader-book-src");
            System.IO.Directory.CreateDirectory(Path.Combine(copy, "assets"));
            foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "GptBook.Tests", "fixtures", "reader-book")))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            DrawPictures(Path.Combine(copy, "assets"));
            ReaderBook = Publish(Path.Combine(copy, "book.yml"), "reader-book");
            PrintSample = Publish(Path.Combine(RepositoryPaths.Root, "tests", "books", "print-sample", "book.yml"), "print-sample");
        }

        public string Directory { get; }
        public string Article { get; }
        public string ReaderBook { get; }
        public string PrintSample { get; }

        private readonly Dictionary<string, Task<(string Azw3, string Pdf)>> _calibre = new();

        /// <summary>calibre's AZW3 and PDF of a book, converted once (both at once, one per core).</summary>
        public (string Azw3, string Pdf) Calibre(string epub)
        {
            Task<(string, string)> task;
            lock (_calibre)
            {
                if (!_calibre.TryGetValue(epub, out task!))
                    _calibre[epub] = task = Task.Run(() =>
                    {
                        var azw3 = Path.ChangeExtension(epub, ".azw3");
                        var pdf = Path.ChangeExtension(epub, ".calibre.pdf");
                        var conversions = new[] { azw3, pdf }.Select(target => Task.Run(() =>
                            ExternalTool.Run("ebook-convert", [epub, target], TimeSpan.FromMinutes(5), environment: Headless))).ToArray();
                        foreach (var run in conversions)
                            Assert.True(run.Result.ExitCode == 0, "ebook-convert: " + run.Result.Output);
                        return (azw3, pdf);
                    });
            }
            return task.GetAwaiter().GetResult();
        }

        private string Publish(string bookFile, string name)
        {
            var output = Path.Combine(Directory, name);
            var result = BookPublisher.Publish(new PublishRequest(bookFile, output, OutputFormats.Epub | OutputFormats.Pdf, Strict: false), new Silent());
            Assert.True(result.Outcome == PublishOutcome.Built, string.Join("\n", result.Diagnostics));
            return System.IO.Directory.GetFiles(output, "*.epub").Single();
        }

        /// <summary>A chart (few colours, PNG), a photograph (JPEG) and a thin divider with no alt text.</summary>
        private static void DrawPictures(string assets)
        {
            using (var chart = new Image<Rgba32>(1800, 900, new Rgba32(255, 255, 255)))
            {
                for (var bar = 0; bar < 6; bar++)
                    for (var x = 150 + bar * 260; x < 330 + bar * 260; x++)
                        for (var y = 800 - 100 * (bar + 1); y < 800; y++)
                            chart[x, y] = bar % 2 == 0 ? new Rgba32(40, 90, 160) : new Rgba32(230, 120, 40);
                chart.SaveAsPng(Path.Combine(assets, "chart.png"));
            }
            using (var photo = new Image<Rgb24>(1200, 800))
            {
                for (var y = 0; y < photo.Height; y++)
                    for (var x = 0; x < photo.Width; x++)
                        photo[x, y] = new Rgb24((byte)(x * 255 / photo.Width), (byte)((x ^ y) & 0xFF), (byte)(y * 255 / photo.Height));
                photo.SaveAsJpeg(Path.Combine(assets, "photo.jpg"));
            }
            using var divider = new Image<Rgba32>(1200, 24, new Rgba32(200, 200, 200));
            divider.SaveAsPng(Path.Combine(assets, "divider.png"));
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

        private sealed class Silent : IPublishObserver
        {
            public void StageStarted(string stage) { }
            public void StageFinished(string stage, TimeSpan elapsed, string? detail) { }
        }
    }

    /// <summary>Every book whose EPUB the readers' tools check: the article and each test book.</summary>
    public static TheoryData<string> BookNames => ["article", "reader-book", "print-sample"];

    private string Epub(string name) => name switch
    {
        "article" => books.Article,
        "reader-book" => books.ReaderBook,
        _ => books.PrintSample,
    };

    [SkippableTheory]
    [MemberData(nameof(BookNames))]
    public void Calibres_azw3_has_exactly_one_cover(string name)
    {
        ExternalTool.RequireSlowTools();
        var (azw3, _) = books.Calibre(Epub(name));
        // calibre's own MOBI/KF8 inspector writes the headers, the text files and the images it finds.
        var dump = Path.Combine(Path.GetDirectoryName(azw3)!, "decompiled_" + Path.GetFileNameWithoutExtension(azw3));
        var inspect = ExternalTool.Run("calibre-debug", ["--inspect-mobi", azw3], TimeSpan.FromMinutes(2),
            workingDirectory: Path.GetDirectoryName(azw3), environment: Headless);
        Assert.True(inspect.ExitCode == 0 && Directory.Exists(dump), inspect.Output);
        var header = File.ReadAllText(Path.Combine(dump, "header.txt"));
        // The Kindle cover is the EXTH cover record, once, and real (not calibre's generated "fake" cover).
        var covers = CoverOffset().Matches(header);
        Assert.True(covers.Count == 1, $"{name}: {covers.Count} EXTH cover records in\n{header}");
        Assert.Matches(@"Fake Cover \(203\): 0", header);
        var coverIndex = int.Parse(covers[0].Groups["n"].Value, CultureInfo.InvariantCulture);
        // Image records are numbered from 1 in the text's kindle:embed references (base 32, four digits).
        var coverEmbed = "kindle:embed:" + Base32(coverIndex + 1);
        var images = Directory.GetFiles(Path.Combine(dump, "images")).Order(StringComparer.Ordinal).ToArray();
        var cover = images.Single(i => Path.GetFileNameWithoutExtension(i) == (coverIndex + 1).ToString("000000", CultureInfo.InvariantCulture));
        var coverBytes = File.ReadAllBytes(cover);
        // No page of the text shows it again: no reference to its record, and no other record with the same picture.
        var text = string.Concat(Directory.GetFiles(Path.Combine(dump, "files"), "*.html").Select(File.ReadAllText));
        Assert.DoesNotContain(coverEmbed + "?", text, StringComparison.Ordinal);
        Assert.DoesNotContain(images, i => i != cover && File.ReadAllBytes(i).AsSpan().SequenceEqual(coverBytes));
        // And the text still begins with the contents, as the EPUB's spine does after its cover page.
        Assert.Contains("目录", File.ReadAllText(Path.Combine(dump, "files", "part0000.html")), StringComparison.Ordinal);
    }

    private static string Base32(int value)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
        var chars = new char[4];
        for (var i = 3; i >= 0; i--, value /= 32) chars[i] = digits[value % 32];
        return new string(chars);
    }

    [GeneratedRegex(@"^CoverOffset \(201\): (?<n>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex CoverOffset();

    [SkippableTheory]
    [MemberData(nameof(BookNames))]
    public void Calibres_pdf_has_one_cover_the_contents_and_every_figure_in_its_own_aspect_ratio(string name)
    {
        ExternalTool.RequireSlowTools();
        var epub = Epub(name);
        var (_, pdf) = books.Calibre(epub);
        var listing = ExternalTool.Run("pdfimages", ["-list", pdf]).StdOut;
        var images = ImageRow().Matches(listing).Select(m => (
            Page: int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture),
            Width: int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture),
            Height: int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture),
            XPpi: int.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture),
            YPpi: int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture))).ToArray();
        Assert.NotEmpty(images);
        // One cover: only the first page shows a picture before the text begins, and it is the only full-page one.
        var text = ExternalTool.Run("pdftotext", [pdf, "-"]).StdOut.Split('\f');
        Assert.Equal(1, images[0].Page);
        Assert.True(text[0].Trim().Length == 0, "the cover page has text: " + text[0]);
        Assert.DoesNotContain(images.Skip(1), i => i.Width == images[0].Width && i.Height == images[0].Height);
        // The table of contents, from nav.xhtml, right after the cover.
        Assert.Contains("目录", text[1]);
        // Every figure keeps its aspect ratio: equal horizontal and vertical resolution, within 2 %.
        foreach (var figure in images.Skip(1))
            Assert.True(Math.Abs(figure.XPpi - figure.YPpi) <= 0.02 * Math.Max(figure.XPpi, figure.YPpi),
                $"{name}: a {figure.Width}×{figure.Height} figure on page {figure.Page} is drawn at {figure.XPpi}×{figure.YPpi} ppi");
    }

    [SkippableTheory]
    [MemberData(nameof(BookNames))]
    public void Ace_reports_no_violation(string name)
    {
        ExternalTool.RequireSlowTools();
        var report = Path.Combine(books.Directory, name + "-ace");
        var run = ExternalTool.Run("ace-puppeteer", ["--force", "--silent", "--outdir", report, Epub(name)], TimeSpan.FromMinutes(4), environment: Headless);
        Assert.True(run.ExitCode == 0, run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        var violations = json.RootElement.GetProperty("assertions").EnumerateArray()
            .SelectMany(a => a.TryGetProperty("assertions", out var inner) ? inner.EnumerateArray().ToArray() : [])
            .Where(a => a.GetProperty("earl:result").GetProperty("earl:outcome").GetString() == "fail")
            .Select(a => $"{a.GetProperty("earl:test").GetProperty("earl:impact").GetString()} {a.GetProperty("earl:test").GetProperty("dct:title").GetString()}: " +
                a.GetProperty("earl:result").GetProperty("dct:description").GetString())
            .ToArray();
        Assert.True(violations.Length == 0, string.Join("\n", violations));
    }

    [SkippableTheory]
    [MemberData(nameof(BookNames))]
    public void Epubcheck_passes(string name)
    {
        Epubcheck.AssertValid(Epub(name));
    }

    [GeneratedRegex(@"^\s*(?<page>\d+)\s+\d+\s+image\s+(?<w>\d+)\s+(?<h>\d+)\s+\S+\s+\d+\s+\d+\s+\S+\s+\S+\s+\d+\s+\d+\s+(?<x>\d+)\s+(?<y>\d+)", RegexOptions.Multiline)]
    private static partial Regex ImageRow();

}
