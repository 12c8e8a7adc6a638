using System.Globalization;
using System.Text;
using GptBook.Benchmarks.Typst;

namespace GptBook.Benchmarks;

/// <summary>
/// The whole-process benchmark behind `dotnet cake --target=Bench`: the article and synthetic books of several
/// sizes, each built by gptbook as a PDF alone and as all three formats, by Typst (the anchor: its PDF from the same
/// text with the same page setup) and, where installed, by pandoc (EPUB) and pandoc with XeLaTeX (PDF). The
/// contenders take turns within each round (interleaved), so that the machine's load at any moment falls on all of
/// them alike, and every figure is the median of the rounds; the ratios are what to compare on a shared machine.
/// Every timed gptbook run passes <c>--force</c> (a full build; the image cache stays warm, as for an author's
/// rebuild), and one more run without it measures the no-op rerun of an unchanged book. Wall time is what a user
/// waits; CPU time (user + system, from GNU time) is what the build costs the machine.
/// </summary>
public sealed class EndToEndBenchmark(string repositoryRoot, string cli, string workDirectory, int runs, bool comparePandoc, bool compareTypst)
{
    private readonly CliCommand _cli = CliCommand.For(cli);
    private readonly StringBuilder _table = new();
    private readonly Dictionary<string, Result> _medians = new();
    private TypstCompiler? _typst;

    private sealed record Result(double WallMs, double CpuMs, long? PeakBytes);

    public string Run(IReadOnlyList<int> sizes)
    {
        var notes = new List<string>();
        if (compareTypst)
        {
            _typst = TypstCompiler.Prepare(Path.Combine(workDirectory, "typst-compiler"), Path.Combine(repositoryRoot, "assets", "fonts"), out var problem);
            if (problem is not null) notes.Add($"Typst left out: {problem}.");
        }
        if (comparePandoc && !ProcessMeasurement.Installed("pandoc")) notes.Add("pandoc left out: not installed.");
        else if (comparePandoc && !ProcessMeasurement.Installed("xelatex")) notes.Add("pandoc+XeLaTeX left out: xelatex not installed.");

        _table.AppendLine("| book | pages: gptbook / Typst | gptbook PDF: wall / CPU | gptbook PDF + EPUB + site: wall / CPU | Typst PDF: wall / CPU | PDF ÷ Typst: wall / CPU | all three ÷ Typst: wall / CPU | peak memory: PDF / all three / Typst | pandoc+XeLaTeX PDF: wall / CPU | pandoc EPUB: wall / CPU | no-op rerun | load | images | epub | pdf | site |");
        _table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        var article = Path.Combine(repositoryRoot, "content", "gpt1-to-gpt4.md");
        MeasureBook(new SyntheticBook.Generated("the article (content/book.yml)", 1, Path.Combine(repositoryRoot, "content", "book.yml"),
            article, repositoryRoot, [article], "从 GPT1 到 GPT4"), "article");

        foreach (var size in sizes)
            foreach (var book in SyntheticBook.Write(repositoryRoot, Path.Combine(workDirectory, "books"), size))
                MeasureBook(book, $"n{size}-{(book.BookFile.EndsWith(".yml", StringComparison.Ordinal) ? "yml" : "md")}");

        var report = new StringBuilder();
        report.AppendLine($"# GptBook benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. " +
                          $"Median of {runs} interleaved round(s) after one warm-up each; whole processes, so start-up is included. " +
                          $"Typst: {TypstCompiler.Package} {TypstCompiler.Version}. CPU is user + system from GNU time; the stage columns (from `--report`) are the wall times of the all-three build.");
        report.AppendLine();
        report.Append(_table);
        report.AppendLine();
        foreach (var form in new[] { "yml", "md" })
        {
            var scaling = new[] { ("gptbook PDF", "pdf"), ("gptbook all three", "all"), ("Typst", "typst") }
                .Where(c => _medians.ContainsKey($"n40-{form}/{c.Item2}") && _medians.ContainsKey($"n80-{form}/{c.Item2}"))
                .Select(c => $"{c.Item1} {_medians[$"n80-{form}/{c.Item2}"].WallMs / _medians[$"n40-{form}/{c.Item2}"].WallMs:0.00}×")
                .ToList();
            if (scaling.Count > 0)
                report.AppendLine($"Scaling 40 → 80 chapters ({(form == "yml" ? "book.yml" : "one .md")}), wall: {string.Join(", ", scaling)} (linear would be 2.0).");
        }
        foreach (var note in notes) report.AppendLine(note);
        return report.ToString();
    }

    private void MeasureBook(SyntheticBook.Generated book, string key)
    {
        var outputDirectory = Path.Combine(workDirectory, "out", key);
        string[] Gptbook(string kind, params string[] format) =>
            ["build", book.BookFile, "--output", Path.Combine(outputDirectory, kind), "--report", Path.Combine(outputDirectory, kind + ".json"), .. format, "--force"];
        var contenders = new List<(string Name, Func<ProcessMeasurement.Measured> Run)>
        {
            ("pdf", () => _cli.Run(Gptbook("pdf", "--format", "pdf"), repositoryRoot)),
            ("all", () => _cli.Run(Gptbook("all"), repositoryRoot)),
        };
        var typstPdf = Path.Combine(outputDirectory, "typst.pdf");
        if (_typst is { } typst)
        {
            var main = Path.Combine(book.Root, "output", "typst", key + ".typ");
            TypstBook.Write(main, book.Root, book.Title, book.ChapterFiles);
            contenders.Add(("typst", () => typst.Compile(main, book.Root, typstPdf)));
        }
        var markdownDirectory = Path.GetDirectoryName(book.SingleMarkdown)!;
        if (comparePandoc && ProcessMeasurement.Installed("pandoc"))
        {
            contenders.Add(("pandoc-epub", () => ProcessMeasurement.Run("pandoc", [book.SingleMarkdown, "-o", Path.Combine(outputDirectory, "pandoc.epub")], markdownDirectory)));
            if (ProcessMeasurement.Installed("xelatex"))
                contenders.Add(("xelatex", () => ProcessMeasurement.Run("pandoc", PandocPdfArguments(book.SingleMarkdown, Path.Combine(outputDirectory, "pandoc.pdf")), markdownDirectory)));
        }

        Directory.CreateDirectory(outputDirectory);
        var failed = new Dictionary<string, string>();
        var samples = contenders.ToDictionary(c => c.Name, _ => new List<ProcessMeasurement.Measured>());
        // One warm-up each (it fills the image cache and the OS file cache), then the rounds, in turn.
        for (var round = -1; round < runs; round++)
        {
            foreach (var (name, run) in contenders)
            {
                if (failed.ContainsKey(name)) continue;
                Console.Error.Write($"\r{key} round {round + 1}/{runs}: {name}          ");
                var m = run();
                if (m.ExitCode != 0)
                {
                    if (name is "pdf" or "all") throw new InvalidOperationException($"gptbook failed on {book.BookFile}:\n{m.Output}");
                    failed[name] = $"failed ({m.ExitCode})";
                    Console.Error.WriteLine($"\n{name} failed on {key}:\n{m.Output}");
                }
                else if (round >= 0) samples[name].Add(m);
            }
        }
        Console.Error.WriteLine();
        foreach (var (name, list) in samples.Where(s => s.Value.Count > 0))
            _medians[$"{key}/{name}"] = new Result(Statistics.Median(list.Select(m => m.Wall.TotalMilliseconds)), Statistics.Median(list.Select(m => (m.Cpu ?? m.Wall).TotalMilliseconds)), Median(list.Select(m => m.PeakBytes)));
        var report = BuildReport.Read(Path.Combine(outputDirectory, "all.json"));
        var pdfReport = BuildReport.Read(Path.Combine(outputDirectory, "pdf.json"));
        var rerun = _cli.Run(Gptbook("all")[..^1], repositoryRoot);
        Result? Get(string name) => _medians.GetValueOrDefault($"{key}/{name}");
        string Times(string name) => failed.TryGetValue(name, out var why) ? why : Get(name) is { } r ? $"{Seconds(r.WallMs)} / {Seconds(r.CpuMs)}" : "–";
        string Ratio(string name) => Get(name) is { } r && Get("typst") is { } t ? $"{r.WallMs / t.WallMs:0.00}× / {r.CpuMs / t.CpuMs:0.00}×" : "–";
        string Peak(string name) => Get(name)?.PeakBytes is { } b ? Mb(b) : "–";
        double Stage(string s) => report.StageMs.TryGetValue(s, out var ms) ? ms : 0;

        _table.AppendLine(string.Join(" | ",
            "| " + book.Name, $"{pdfReport.Pages} / {(Get("typst") is null ? "–" : PdfPages(typstPdf))}",
            Times("pdf"), Times("all"), Times("typst"), Ratio("pdf"), Ratio("all"),
            $"{Peak("pdf")} / {Peak("all")} / {Peak("typst")}", Times("xelatex"), Times("pandoc-epub"),
            Seconds(rerun.Wall.TotalMilliseconds),
            Ms(Stage("load")), Ms(Stage("images")), Ms(Stage("epub")), Ms(Stage("pdf")), Ms(Stage("site"))) + " |");
    }

    /// <summary>pandoc's LaTeX route set up fairly: A5, a TOC, and the same bundled CJK fonts through xeCJK.</summary>
    private string[] PandocPdfArguments(string markdown, string pdf)
    {
        var fonts = Path.Combine(repositoryRoot, "assets", "fonts") + "/";
        return [markdown, "-o", pdf, "--pdf-engine=xelatex", "--toc", "-V", "geometry:a5paper",
            "-V", "CJKmainfont=NotoSerifSC-Regular.ttf", "-V", $"CJKoptions=Path={fonts},BoldFont=NotoSerifSC-Bold.ttf"];
    }

    /// <summary>The page count poppler's pdfinfo reports, or "?" where it is not installed.</summary>
    private static string PdfPages(string pdf)
    {
        if (!ProcessMeasurement.Installed("pdfinfo")) return "?";
        var info = ProcessMeasurement.Run("pdfinfo", [pdf], Path.GetDirectoryName(pdf)!);
        var line = info.Output.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return line?["Pages:".Length..].Trim() ?? "?";
    }

    private static long? Median(IEnumerable<long?> values) =>
        values.All(v => v.HasValue) ? (long)Statistics.Median(values.Select(v => (double)v!.Value)) : null;

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";
    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
