using System.Diagnostics;
using System.Globalization;
using GptBook.Benchmarks.Micro;

namespace GptBook.Benchmarks;

/// <summary>
/// `bench math [runs] [warm-ups] [pdf|epub|site|all]`: <see cref="MathBookBenchmark"/>'s two books (2,190 formulas, and
/// the same Markdown without them) laid out and written as PDFs (or written as EPUBs, as sites, or all three one after
/// the other) in this process, in alternating runs after warm-ups (three unless told:
/// the typesetter's code is still being recompiled by the tiered JIT after one), printing each
/// run's process CPU time, bytes allocated, collections and GC pauses, then the medians and the ratio of the medians. On a
/// shared machine whose load makes wall times meaningless, CPU time is what compares before and after (the
/// BenchmarkDotNet job reports wall times).
/// </summary>
public static class MathBookCpu
{
    public static void Run(IReadOnlyList<string> args)
    {
        var runs = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var warmUps = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var output = args.Count > 2 ? args[2] : "pdf";
        var bench = new MathBookBenchmark();
        bench.Setup();
        Action Writer(bool math) => output switch
        {
            "pdf" => () => _ = math ? bench.MathBook() : bench.TextBook(),
            "epub" => () => bench.Epub(math),
            "site" => () => bench.Site(math),
            "all" => () => { _ = math ? bench.MathBook() : bench.TextBook(); bench.Epub(math); bench.Site(math); },
            _ => throw new ArgumentException($"bench math: output '{output}' is not pdf, epub, site or all"),
        };
        var cases = new (string Name, Action Write, List<double> Cpu)[] { ("math", Writer(true), []), ("text", Writer(false), []) };
        using var process = Process.GetCurrentProcess();
        for (var run = 1 - warmUps; run <= runs; run++)
            foreach (var (name, write, cpus) in cases)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var paused = GC.GetTotalPauseDuration();
                var wall = Stopwatch.StartNew();
                write();
                wall.Stop();
                process.Refresh();
                var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
                if (run > 0) cpus.Add(seconds); // runs up to 0 warm up (JIT, font caches)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} run {run}: wall {wall.Elapsed.TotalSeconds:F2} s, CPU {seconds:F2} s, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576} MB, collections (gen 0/1/2) {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms"));
            }
        var math = Statistics.Median(cases[0].Cpu);
        var text = Statistics.Median(cases[1].Cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}, medians of {runs} runs: math book CPU {math:F2} s, text book {text:F2} s, ratio {math / text:F2}"));
    }
}
