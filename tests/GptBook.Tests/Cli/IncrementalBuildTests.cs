using GptBook.Tests.Support;

namespace GptBook.Tests.Cli;

/// <summary>A rerun with nothing changed does little; any change to an input or an output rebuilds.</summary>
public class IncrementalBuildTests
{
    private const string Chapter = "# 增量构建\n\n第一段，含一个警告：[待定](@todo)。\n";

    private static (TemporaryDirectory Dir, string Book, string Out) NewBook()
    {
        var dir = new TemporaryDirectory();
        var book = dir.Write("book/content/notes.md", Chapter);
        return (dir, book, dir.Combine("out"));
    }

    [Fact]
    public void A_rerun_with_nothing_changed_is_up_to_date_and_reports_the_same_warnings()
    {
        var (dir, book, output) = NewBook();
        using var _ = dir;
        var first = CliProcess.Run("build", book, "--output", output, "--format", "epub,site");
        Assert.True(first.ExitCode == 0, first.StdErr);
        var epub = Path.Combine(output, "notes.epub");
        var written = File.GetLastWriteTimeUtc(epub);

        var second = CliProcess.Run("build", book, "--output", output, "--format", "epub,site");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.StdErr);
        Assert.DoesNotMatch(@"(?m)^\s+epub\s+\d+ ms", second.StdErr);
        Assert.Equal(written, File.GetLastWriteTimeUtc(epub));
        Assert.Contains("warning GB0102", first.StdErr);
        Assert.Contains("warning GB0102", second.StdErr);
    }

    [Fact]
    public void Changing_a_chapter_rebuilds()
    {
        var (dir, book, output) = NewBook();
        using var _ = dir;
        Assert.Equal(0, CliProcess.Run("build", book, "--output", output, "--format", "epub").ExitCode);
        File.WriteAllText(book, Chapter + "\n第二段。\n");

        var rerun = CliProcess.Run("build", book, "--output", output, "--format", "epub");

        Assert.Equal(0, rerun.ExitCode);
        Assert.DoesNotContain("up to date", rerun.StdErr);
        Assert.Matches(@"(?m)^\s+epub\s+\d+ ms", rerun.StdErr);
    }

    [Fact]
    public void A_damaged_output_or_force_rebuilds()
    {
        var (dir, book, output) = NewBook();
        using var _ = dir;
        Assert.Equal(0, CliProcess.Run("build", book, "--output", output, "--format", "epub").ExitCode);
        var epub = Path.Combine(output, "notes.epub");
        var good = File.ReadAllBytes(epub);
        File.WriteAllText(epub, "damaged");

        var repaired = CliProcess.Run("build", book, "--output", output, "--format", "epub");
        Assert.DoesNotContain("up to date", repaired.StdErr);
        Assert.Equal(good, File.ReadAllBytes(epub));

        var forced = CliProcess.Run("build", book, "--output", output, "--format", "epub", "--force");
        Assert.DoesNotContain("up to date", forced.StdErr);
        Assert.Matches(@"(?m)^\s+epub\s+\d+ ms", forced.StdErr);
    }

    [Fact]
    public void Strict_still_fails_an_up_to_date_book_with_warnings()
    {
        var (dir, book, output) = NewBook();
        using var _ = dir;
        Assert.Equal(0, CliProcess.Run("build", book, "--output", output, "--format", "epub").ExitCode);
        Assert.Equal(1, CliProcess.Run("build", book, "--output", output, "--format", "epub", "--strict").ExitCode);
    }
}
