using GptBook.Diagnostics;
using GptBook.IO;
using GptBook.Publishing;
using GptBook.Tests.Support;

namespace GptBook.Tests.Transaction;

/// <summary>Two builds into one output folder: one waits for the other, or fails clearly; nothing is mixed.</summary>
public class OutputLockTests
{
    private static string Book(TemporaryDirectory dir, string folder, string text) =>
        dir.Write($"{folder}/content/race.md", $"# 并发\n\n{text}\n");

    [Fact]
    public void A_build_that_cannot_get_the_lock_fails_with_GB0011_and_touches_nothing()
    {
        using var dir = new TemporaryDirectory();
        var book = Book(dir, "book", "第一版。");
        var output = dir.Combine("out");
        Assert.Equal(PublishOutcome.Built, Publish(book, output, TimeSpan.FromMinutes(1)).Outcome);
        var before = OutputSnapshot.Take(output);

        PublishResult result;
        using (OutputLock.Acquire(output, TimeSpan.Zero, () => { }))
            result = Publish(book, output, TimeSpan.FromMilliseconds(300));

        Assert.Equal(PublishOutcome.ContentErrors, result.Outcome);
        var locked = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputLocked.Id);
        Assert.Equal(output, locked.Span.File);
        before.AssertSameAs(OutputSnapshot.Take(output));
    }

    [Fact]
    public void A_second_cli_build_waits_for_the_lock_and_then_builds()
    {
        using var dir = new TemporaryDirectory();
        var book = Book(dir, "book", "等待锁。");
        var output = dir.Combine("out");

        CliProcess.Result result;
        using (var held = OutputLock.Acquire(output, TimeSpan.Zero, () => { }))
        {
            Assert.NotNull(held);
            using var waiting = CliProcess.Start(new Dictionary<string, string>(), "build", book, "--output", output, "--format", "epub");
            Assert.True(waiting.WaitForStdErr("waiting for another build", TimeSpan.FromMinutes(2)), waiting.StdErrSoFar);
            Assert.False(File.Exists(Path.Combine(output, "race.epub")));
            held!.Dispose();
            result = waiting.Wait();
        }

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("等待锁", EpubText(Path.Combine(output, "race.epub")));
    }

    /// <summary>
    /// Two different books with one id, built at once into one folder: whichever commits last, the EPUB, the PDF
    /// and the site are all from the same one.
    /// </summary>
    [Fact]
    public void Two_cli_builds_at_once_leave_the_outputs_of_one_of_them()
    {
        using var dir = new TemporaryDirectory();
        var first = Book(dir, "first", "甲版正文。");
        var second = Book(dir, "second", "乙版正文。");
        var output = dir.Combine("out");
        var none = new Dictionary<string, string>();

        using var a = CliProcess.Start(none, "build", first, "--output", output);
        using var b = CliProcess.Start(none, "build", second, "--output", output);
        var (ra, rb) = (a.Wait(), b.Wait());

        Assert.True(ra.ExitCode == 0, ra.StdErr);
        Assert.True(rb.ExitCode == 0, rb.StdErr);
        var epub = EpubText(Path.Combine(output, "race.epub"));
        var winner = epub.Contains("甲版", StringComparison.Ordinal) ? "甲版" : "乙版";
        Assert.Contains(winner, epub);
        Assert.Contains(winner, PdfText(Path.Combine(output, "race.pdf")));
        var site = string.Concat(Directory.GetFiles(Path.Combine(output, "site"), "*.html").Select(File.ReadAllText));
        Assert.Contains(winner, site);
        Assert.DoesNotContain(winner == "甲版" ? "乙版" : "甲版", epub + site);
        // No temporary sibling (.site.<id>.staging, .race.epub.<id>.tmp) is left behind.
        Assert.DoesNotContain(Directory.GetFileSystemEntries(output, ".*", SearchOption.TopDirectoryOnly), e => !e.EndsWith(".cache", StringComparison.Ordinal));
    }

    private static string EpubText(string path) =>
        string.Concat(new GptBook.Tests.Epub.EpubFile(path).Entries.Where(e => e.Key.EndsWith(".xhtml", StringComparison.Ordinal))
            .Select(e => System.Text.Encoding.UTF8.GetString(e.Value)));

    private static string PdfText(string path)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    private static PublishResult Publish(string book, string output, TimeSpan lockWait) =>
        BookPublisher.Publish(new PublishRequest(book, output, OutputFormats.Epub, Strict: false, Incremental: false, LockWait: lockWait), new Quiet());

    private sealed class Quiet : IPublishObserver
    {
        public void StageStarted(string stage) { }
        public void StageFinished(string stage, TimeSpan elapsed, string? detail) { }
    }
}
