using System.Diagnostics;
using System.Globalization;
using GptBook.Benchmarks.Micro;
using GptBook.Diagnostics;
using GptBook.Images;

namespace GptBook.Benchmarks;

/// <summary>
/// `bench images [runs]`: the image stage for all three outputs with an empty cache, in this process, on the
/// 60-figure book of <see cref="SyntheticFigures"/> and on the article, printing each run's wall and process CPU
/// time. On a shared machine whose load makes wall times meaningless, CPU time is what compares before and after;
/// <see cref="ImageStageBenchmark"/> measures the same stage with BenchmarkDotNet. The first run of a process
/// includes JIT compiling.
/// </summary>
public static class ColdImageStage
{
    public static void Run(IReadOnlyList<string> args)
    {
        var runs = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        var work = Path.Combine(Path.GetTempPath(), "gptbook-bench-images");
        foreach (var name in new[] { "figures-60", "article" })
        {
            var (book, options) = name == "article" ? ArticleFixture.Article() : ArticleFixture.Load(SyntheticFigures.Write(work));
            var cache = Path.Combine(work, "cold-" + name);
            for (var run = 1; run <= runs; run++)
            {
                if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
                using var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var diagnostics = new DiagnosticBag();
                var context = new ImageStageContext(options, cache, new HashSet<ImageProfile> { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site }, diagnostics);
                ImageStage.Run(context, book);
                wall.Stop();
                process.Refresh();
                if (diagnostics.HasErrors) throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
                var bytes = Directory.EnumerateFiles(cache).Sum(f => new FileInfo(f).Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} run {run}: wall {wall.Elapsed.TotalSeconds:F2} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s, {context.Statistics.Written} images written, cache {bytes / 1024} kB"));
            }
        }
    }
}
