using BenchmarkDotNet.Running;
using GptBook.Benchmarks;

// `bench e2e [--sizes 40,80] [--runs 3] [--no-pandoc] [--no-typst] --cli PATH --out DIR` — whole-process benchmark.
// `bench micro [BenchmarkDotNet arguments]` — the hot paths, with BenchmarkDotNet.
// `bench images [runs]` — the cold image stage's wall and CPU time, in-process (see ColdImageStage).
// `bench math [runs] [warm-ups] [pdf|epub|site|all]` — the 2,190-formula book against the same book without formulas, CPU time (see MathBookCpu).
// `bench math-textbook [runs] [--cli PATH]` — 2,000 formulas at a textbook's density in the 40-chapter book, whole processes (see MathTextbook).
if (args.Length > 0 && args[0] == "images")
{
    ColdImageStage.Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "math")
{
    MathBookCpu.Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "math-textbook")
{
    MathTextbook.Run(Directory.GetCurrentDirectory(), args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(SyntheticBook).Assembly).Run(args[1..]);
    return 0;
}

var options = BenchOptions.Parse(args);
var bench = new EndToEndBenchmark(options.RepositoryRoot, options.Cli, options.OutputDirectory, options.Runs, options.ComparePandoc, options.CompareTypst);
var markdown = bench.Run(options.Sizes);
Directory.CreateDirectory(options.OutputDirectory);
File.WriteAllText(Path.Combine(options.OutputDirectory, "results.md"), markdown);
Console.WriteLine(markdown);
return 0;
