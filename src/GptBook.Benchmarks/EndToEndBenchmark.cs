using System.Globalization;
using System.Text;

namespace GptBook.Benchmarks;

/// <summary>
/// The whole-process benchmark behind `dotnet cake --target=Bench`: builds synthetic books of several sizes with
/// the real CLI (all three formats), and — when they are installed — the same books with pandoc (EPUB) and pandoc
/// with XeLaTeX (PDF), in the same run, so that ratios are comparable on a shared, noisy machine. Every timed
/// gptbook run passes <c>--force</c> (a full build; the image cache stays warm, as for an author's rebuild), and one
/// more run without it measures the no-op rerun the incremental build makes of an unchanged book. Times are
/// CPU seconds (user + system, from GNU time) where available: wall time on a shared machine mostly measures the
/// other processes.
/// </summary>
public sealed class EndToEndBenchmark(string repositoryRoot, string cliDll, string workDirectory, int runs, bool comparePandoc)
{
    private readonly StringBuilder _table = new();
    private readonly Dictionary<string, double> _medians = new();

    public string Run(IReadOnlyList<int> sizes)
    {
        _table.AppendLine("| book | pages | gptbook (all formats) | wall | no-op rerun | peak memory | pages/s | load | images | epub | pdf | site | outputs | pandoc EPUB | pandoc+XeLaTeX PDF | XeLaTeX ÷ gptbook (CPU) | XeLaTeX ÷ gptbook (wall) |");
        _table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        MeasureBook("the article (content/book.yml)", Path.Combine(repositoryRoot, "content", "book.yml"),
            Path.Combine(repositoryRoot, "content", "gpt1-to-gpt4.md"), "article");

        foreach (var size in sizes)
            foreach (var book in SyntheticBook.Write(repositoryRoot, Path.Combine(workDirectory, "books"), size))
                MeasureBook(book.Name, book.BookFile, book.SingleMarkdown, $"n{size}-{(book.BookFile.EndsWith(".yml") ? "yml" : "md")}");

        var report = new StringBuilder();
        report.AppendLine($"# GptBook benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. " +
                          $"Median of {runs} run(s) after one warm-up; whole processes, so start-up is included. " +
                          "Times are CPU seconds (user + system) where GNU time is installed, else wall seconds; the wall column and the stage columns (from `--report`) are wall time.");
        report.AppendLine();
        report.Append(_table);
        report.AppendLine();
        if (_medians.TryGetValue("n40-yml", out var n40) && _medians.TryGetValue("n80-yml", out var n80))
            report.AppendLine($"Scaling 40 → 80 chapters (book.yml): {n80 / n40:0.00}× the time (linear would be 2.0).");
        if (_medians.TryGetValue("n40-md", out var m40) && _medians.TryGetValue("n80-md", out var m80))
            report.AppendLine($"Scaling 40 → 80 chapters (one .md): {m80 / m40:0.00}× the time.");
        return report.ToString();
    }

    private void MeasureBook(string name, string bookFile, string singleMarkdown, string key)
    {
        var outputDirectory = Path.Combine(workDirectory, "out", key);
        var reportFile = Path.Combine(workDirectory, "out", key + ".json");
        string[] args = [cliDll, "build", bookFile, "--output", outputDirectory, "--report", reportFile, "--force"];

        ProcessMeasurement.Run("dotnet", args, repositoryRoot); // warm-up: fills the image cache and the OS file cache
        var times = new List<double>();
        var walls = new List<double>();
        BuildReport? report = null;
        for (var i = 0; i < runs; i++)
        {
            var m = ProcessMeasurement.Run("dotnet", args, repositoryRoot);
            if (m.ExitCode != 0) throw new InvalidOperationException($"gptbook failed on {bookFile}:\n{m.Output}");
            times.Add(Time(m));
            walls.Add(m.Wall.TotalMilliseconds);
            report = BuildReport.Read(reportFile);
        }
        var time = Median(times);
        _medians[key] = time;
        var r = report!;
        var rerun = ProcessMeasurement.Run("dotnet", args[..^1], repositoryRoot);

        string pandocEpub = "–", pandocPdf = "–", ratio = "–", wallRatio = "–";
        if (comparePandoc && Installed("pandoc"))
        {
            var dir = Path.GetDirectoryName(singleMarkdown)!;
            var epub = ProcessMeasurement.Run("pandoc", [singleMarkdown, "-o", Path.Combine(outputDirectory, "pandoc.epub")], dir);
            pandocEpub = Seconds(Time(epub)) + Memory(epub.PeakBytes);
            if (Installed("xelatex"))
            {
                var pdf = ProcessMeasurement.Run("pandoc", PandocPdfArguments(singleMarkdown, Path.Combine(outputDirectory, "pandoc.pdf")), dir);
                pandocPdf = pdf.ExitCode == 0 ? Seconds(Time(pdf)) + Memory(pdf.PeakBytes) : $"failed ({pdf.ExitCode})";
                if (pdf.ExitCode == 0)
                {
                    ratio = $"{Time(pdf) / time:0.0}×";
                    // gptbook writes the PDF and the EPUB side by side on two cores; XeLaTeX uses one.
                    wallRatio = $"{pdf.Wall.TotalMilliseconds / Median(walls):0.0}×";
                }
            }
        }

        double Stage(string s) => r.StageMs.TryGetValue(s, out var ms) ? ms : 0;
        var pagesPerSecond = r.Pages > 0 ? (r.Pages / (time / 1000)).ToString("0", CultureInfo.InvariantCulture) : "–";
        _table.AppendLine(string.Join(" | ",
            "| " + name, r.Pages, Seconds(time), Seconds(Median(walls)), Seconds(Time(rerun)), Mb(r.PeakWorkingSetBytes), pagesPerSecond,
            Ms(Stage("load")), Ms(Stage("images")), Ms(Stage("epub")), Ms(Stage("pdf")), Ms(Stage("site")),
            Mb(r.OutputBytes), pandocEpub, pandocPdf, ratio, wallRatio) + " |");
    }

    /// <summary>pandoc's LaTeX route set up fairly: A5, a TOC, and the same bundled CJK fonts through xeCJK.</summary>
    private string[] PandocPdfArguments(string markdown, string pdf)
    {
        var fonts = Path.Combine(repositoryRoot, "assets", "fonts") + "/";
        return [markdown, "-o", pdf, "--pdf-engine=xelatex", "--toc", "-V", "geometry:a5paper",
            "-V", "CJKmainfont=NotoSerifSC-Regular.ttf", "-V", $"CJKoptions=Path={fonts},BoldFont=NotoSerifSC-Bold.ttf"];
    }

    private static double Time(ProcessMeasurement.Measured m) => (m.Cpu ?? m.Wall).TotalMilliseconds;

    private static bool Installed(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";
    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
    private static string Memory(long? bytes) => bytes is { } b ? $" / {Mb(b)}" : "";
}
