using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Model;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// The image stage for all three outputs (PDF, EPUB, site) on the 60-figure book of <see cref="SyntheticFigures"/>
/// (13 MB of photographs, diagrams and screenshots) and on the article (five figures with SVG print masters):
/// cold (an empty cache, as a new user's first build) and warm (everything cached: a rebuild with nothing to do).
/// Each iteration is one whole stage run, so the times are seconds and milliseconds, not nanoseconds.
/// </summary>
[Config(typeof(Config))]
public class ImageStageBenchmark
{
    private Book _book = null!;
    private BookOptions _options = null!;
    private string _cache = null!;

    [Params("figures-60", "article")]
    public string Book { get; set; } = "";

    [Params(false, true)]
    public bool Warm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var work = Path.Combine(Path.GetTempPath(), "gptbook-bench-images");
        (_book, _options) = Book == "article" ? ArticleFixture.Article() : ArticleFixture.Load(SyntheticFigures.Write(work));
        _cache = Path.Combine(work, "cache-" + Book);
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
        if (Warm) Run();
    }

    [IterationSetup]
    public void EmptyCache()
    {
        if (!Warm && Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    [Benchmark]
    public int Stage() => Run();

    private int Run()
    {
        var diagnostics = new DiagnosticBag();
        var context = new ImageStageContext(_options, _cache, new HashSet<ImageProfile> { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site }, diagnostics);
        ImageStage.Run(context, _book);
        if (diagnostics.HasErrors) throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        return context.Statistics.Written + context.Statistics.CacheHits;
    }

    /// <summary>In-process (no separate build of the benchmark), one invocation per iteration, no pilot stage.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("Stage"));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
