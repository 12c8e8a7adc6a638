using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Fonts;
using GptBook.IO;
using GptBook.Images;
using GptBook.Model;
using GptBook.Pdf;
using GptBook.Site;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// Issue 10's speed target: a book with more than 2,000 formulas (the math sample's three chapters, ten times over,
/// labels renamed per copy) laid out and written as a PDF, against the same book with every formula taken out of its
/// Markdown. The ratio of the two means is the cost of the mathematics (the goal is at most 1.3×); BenchmarkDotNet
/// reports each case's mean, and the builds' page counts are printed once at setup so that a per-page ratio can be
/// given too.
/// </summary>
[Config(typeof(InProcessConfig))]
public partial class MathBookBenchmark
{
    /// <summary>
    /// In the benchmark's own process (no generated project to build, which takes minutes on a shared machine), one
    /// warm-up and three iterations: each iteration lays out and writes about 180 pages.
    /// </summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
    }

    private const int Copies = 10;
    private (Book Book, BookOptions Options, ImageCatalog Images) _math;
    private (Book Book, BookOptions Options, ImageCatalog Images) _text;
    private FontSet _fonts = null!;
    private string _output = null!;
    private DerivedFileCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gptbook-micro-math");
        _math = Write(Path.Combine(directory, "math"), keepFormulas: true);
        _text = Write(Path.Combine(directory, "text"), keepFormulas: false);
        _fonts = ArticleFixture.Fonts;
        PdfBookWriter.PrepareFonts(_fonts);
        _output = Path.Combine(directory, "out.pdf");
        // The covers the EPUB and the site draw from the title are the same for both books: kept, as a warm build keeps them.
        _cache = new DerivedFileCache(Path.Combine(directory, ".cache", "derived"));
        var formulas = _math.Book.AllBlocks().Sum(b => b is DisplayMath ? 1 : b.InlineContent().SelectMany(l => l).SelectMany(i => i.DescendantsAndSelf()).Count(i => i is InlineMath));
        Console.WriteLine($"// math book: {formulas} formulas, {MathBook()} pages; text book: {TextBook()} pages");
    }

    [Benchmark(Baseline = true)]
    public int TextBook() => PdfBookWriter.Write(_text.Book, _text.Options, _text.Images, _fonts, _output, new DiagnosticBag()).Pages.Count;

    [Benchmark]
    public int MathBook() => PdfBookWriter.Write(_math.Book, _math.Options, _math.Images, _fonts, _output, new DiagnosticBag()).Pages.Count;

    /// <summary>
    /// Either book's EPUB or site (not benchmark cases: `bench math` times them by CPU time, with the PDF, to show
    /// where a whole build's extra cost for the formulas goes).
    /// </summary>
    public void Epub(bool math)
    {
        var (book, options, images) = math ? _math : _text;
        EpubWriter.Write(book, options, images, Path.ChangeExtension(_output, ".epub"), new DiagnosticBag(), cache: _cache);
    }

    /// <inheritdoc cref="Epub"/>
    public void Site(bool math)
    {
        var (book, options, images) = math ? _math : _text;
        SiteWriter.Write(book, options, images, [], Path.Combine(Path.GetDirectoryName(_output)!, "site"), new DiagnosticBag(), cache: _cache);
    }

    /// <summary>The math sample's chapters <see cref="Copies"/> times in one book, with or without their formulas.</summary>
    private static (Book, BookOptions, ImageCatalog) Write(string directory, bool keepFormulas)
    {
        Directory.CreateDirectory(directory);
        var sample = Path.Combine(ArticleFixture.RepositoryRoot, "tests", "books", "math-sample");
        var chapters = new List<string>();
        for (var copy = 0; copy < Copies; copy++)
            foreach (var chapter in new[] { "01-notation.md", "02-transformer.md", "03-training.md" })
            {
                var markdown = File.ReadAllText(Path.Combine(sample, chapter)).Replace("eq:", $"eq{copy}:", StringComparison.Ordinal);
                if (!keepFormulas) markdown = Formula().Replace(markdown, "");
                var name = $"{copy.ToString("00", CultureInfo.InvariantCulture)}-{chapter}";
                File.WriteAllText(Path.Combine(directory, name), markdown);
                chapters.Add(name);
            }
        var yml = File.ReadAllText(Path.Combine(sample, "book.yml"));
        var head = yml[..yml.IndexOf("chapters:", StringComparison.Ordinal)];
        var math = yml[yml.IndexOf("math:", StringComparison.Ordinal)..];
        File.WriteAllText(Path.Combine(directory, "book.yml"), head + "chapters:\n" + string.Concat(chapters.Select(c => $"  - {c}\n")) + math);
        var (book, options) = ArticleFixture.Load(Path.Combine(directory, "book.yml"));
        var images = ImageStage.Run(book, options, Path.Combine(directory, ".cache"), new HashSet<ImageProfile> { ImageProfile.Print }, new DiagnosticBag());
        return (book, options, images);
    }

    /// <summary>Display math ($$…$$, \[…\]) and inline math ($…$, \(…\)) in the sample's Markdown.</summary>
    [GeneratedRegex(@"\$\$.*?\$\$|\\\[.*?\\\]|\\\(.*?\\\)|(?<![\\$])\$[^$\n]+?\$", RegexOptions.Singleline)]
    private static partial Regex Formula();
}
