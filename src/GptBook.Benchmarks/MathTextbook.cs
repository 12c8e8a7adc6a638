using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GptBook.Benchmarks;

/// <summary>
/// `bench math-textbook [runs] [--cli PATH]`: issue 10's speed target at the density of a textbook rather than of the
/// math sample (whose chapters are mostly formulas). The 40-chapter book.yml of the end-to-end benchmark is written
/// twice: as it is, and with 2,000 formulas from the math sample's chapters put into it, 45 inline ones appended to
/// its paragraphs and 5 displays between them in every chapter (about seven to a page, the share of a machine
/// learning textbook). Whole-process builds of the CLI, all three formats with `--force`, the two books in turn after
/// one warm-up each, median CPU time (user + system) and wall time, and the ratio.
/// </summary>
public static partial class MathTextbook
{
    private const int Chapters = 40;
    private const int InlinePerChapter = 45;
    private const int DisplaysPerChapter = 5;

    public static void Run(string repositoryRoot, IReadOnlyList<string> args)
    {
        var runs = args.Count > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var cli = CliCommand.DefaultPath(repositoryRoot);
        for (var i = 0; i < args.Count - 1; i++)
            if (args[i] == "--cli") cli = Path.GetFullPath(args[i + 1]);
        var directory = Path.Combine(Path.GetTempPath(), "gptbook-math-textbook");
        var books = new[] { ("math", Write(repositoryRoot, Path.Combine(directory, "math"), withFormulas: true)),
                            ("text", Write(repositoryRoot, Path.Combine(directory, "text"), withFormulas: false)) };
        var command = CliCommand.For(cli);
        var samples = books.ToDictionary(b => b.Item1, _ => new List<ProcessMeasurement.Measured>());
        for (var round = 0; round <= runs; round++)
            foreach (var (name, bookFile) in books)
            {
                var measured = command.Run(["build", bookFile, "--output", Path.Combine(directory, name, "out"), "--force"], repositoryRoot);
                if (measured.ExitCode != 0) throw new InvalidOperationException($"gptbook failed on {bookFile}:\n{measured.Output}");
                if (round > 0) samples[name].Add(measured); // round 0 warms the image cache and the file cache
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} round {round}: wall {measured.Wall.TotalSeconds:F2} s, CPU {measured.Cpu?.TotalSeconds:F2} s, peak {measured.PeakBytes / 1048576} MB"));
            }
        double Median(string name, Func<ProcessMeasurement.Measured, double> of) => Statistics.Median(samples[name].Select(of));
        double Cpu(ProcessMeasurement.Measured m) => (m.Cpu ?? m.Wall).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"medians of {runs}: math book CPU {Median("math", Cpu):F2} s, wall {Median("math", m => m.Wall.TotalSeconds):F2} s; " +
            $"text book CPU {Median("text", Cpu):F2} s, wall {Median("text", m => m.Wall.TotalSeconds):F2} s; " +
            $"ratio CPU {Median("math", Cpu) / Median("text", Cpu):F2}, wall {Median("math", m => m.Wall.TotalSeconds) / Median("text", m => m.Wall.TotalSeconds):F2}"));
    }

    /// <summary>Writes the 40-chapter book.yml under <paramref name="directory"/>, with the formulas or without, and returns its book file.</summary>
    private static string Write(string repositoryRoot, string directory, bool withFormulas)
    {
        var book = SyntheticBook.Write(repositoryRoot, directory, Chapters).Single(b => b.BookFile.EndsWith("book.yml", StringComparison.Ordinal));
        if (!withFormulas) return book.BookFile;
        var sample = Path.Combine(repositoryRoot, "tests", "books", "math-sample");
        var (inline, displays) = Formulas(sample);
        var (nextInline, nextDisplay) = (0, 0);
        foreach (var chapter in book.ChapterFiles)
        {
            var lines = File.ReadAllLines(chapter).ToList();
            var prose = Enumerable.Range(0, lines.Count).Where(i => IsProse(lines[i])).ToList();
            var displayAfter = Enumerable.Range(0, DisplaysPerChapter).Select(k => prose[k * prose.Count / DisplaysPerChapter]).ToHashSet();
            var text = new StringBuilder();
            for (var i = 0; i < lines.Count; i++)
            {
                text.Append(lines[i]);
                var index = prose.IndexOf(i);
                if (index >= 0)
                {
                    // The paragraph's share of the chapter's inline formulas, as a clause in the paragraph's own style.
                    var count = InlinePerChapter / prose.Count + (index < InlinePerChapter % prose.Count ? 1 : 0);
                    if (count > 0)
                        text.Append("其中").AppendJoin("，", Enumerable.Range(0, count).Select(_ => $"${inline[nextInline++ % inline.Count]}$")).Append('。');
                }
                text.Append('\n');
                if (displayAfter.Contains(i)) text.Append("\n$$\n").Append(displays[nextDisplay++ % displays.Count]).Append("\n$$\n\n");
            }
            File.WriteAllText(chapter, text.ToString());
        }
        // The sample's macros (\R, \vx, \norm …), which its formulas use.
        var macros = File.ReadAllText(Path.Combine(sample, "book.yml"));
        File.AppendAllText(book.BookFile, "\n" + macros[macros.IndexOf("\nmath:", StringComparison.Ordinal)..].TrimStart('\n'));
        return book.BookFile;
    }

    private static bool IsProse(string line) =>
        line.Length > 40 && !"#!>-*|`<[".Contains(line[0], StringComparison.Ordinal) && !char.IsAsciiDigit(line[0]);

    /// <summary>The sample's inline and display formulas, without labels and references (they would clash or dangle
    /// when repeated) and without the commands its chapters define for themselves.</summary>
    private static (List<string> Inline, List<string> Displays) Formulas(string sample)
    {
        var text = string.Concat(Directory.GetFiles(sample, "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var displays = DisplayPattern().Matches(text).Select(m => LabelPattern().Replace(m.Groups[1].Value, ""))
            .Where(f => !ChapterOnlyPattern().IsMatch(f)).ToList();
        var inline = InlinePattern().Matches(DisplayPattern().Replace(text, "")).Select(m => m.Groups[1].Value)
            .Where(f => !ChapterOnlyPattern().IsMatch(f) && !LabelPattern().IsMatch(f)).ToList();
        return (inline, displays);
    }

    [GeneratedRegex(@"^\$\$\n(.*?)\n\$\$$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DisplayPattern();

    [GeneratedRegex(@"(?<![\\$])\$([^$\n]+?)\$(?!\$)")]
    private static partial Regex InlinePattern();

    [GeneratedRegex(@"\\label\{[^}]*\}")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\\(?:eqref|ref|Attn|softmax|newcommand)\b")]
    private static partial Regex ChapterOnlyPattern();
}
