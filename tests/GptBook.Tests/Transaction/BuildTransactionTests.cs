using GptBook.Diagnostics;
using GptBook.Publishing;
using GptBook.Tests.Support;

namespace GptBook.Tests.Transaction;

/// <summary>
/// A build is a transaction: a failure in any stage, a failed final check, or a kill at any step of the commit
/// leaves every previous output byte-identical (after the next build's recovery, for a kill mid-commit).
/// </summary>
public class BuildTransactionTests
{
    private const string Id = "tx";

    private static string Chapter(string text) => $"# 事务\n\n{text}\n";

    /// <summary>A book built once into out/ (all three formats), ready for a second build that must not change it.</summary>
    private static (TemporaryDirectory Dir, string Book, string Output, OutputSnapshot Before) Previous()
    {
        var dir = new TemporaryDirectory();
        var book = dir.Write($"book/content/{Id}.md", Chapter("第一版正文。"));
        var output = dir.Combine("out");
        var first = CliProcess.Run("build", book, "--output", output);
        Assert.True(first.ExitCode == 0, first.StdErr);
        return (dir, book, output, OutputSnapshot.Take(output));
    }

    private static void AssertNoStagingLeft(string output) =>
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(output, ".cache")), d => Path.GetFileName(d).StartsWith("staging-", StringComparison.Ordinal));

    public static TheoryData<string> Stages() => ["load", "check", "images", "pdf", "epub", "site"];

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_failure_in_any_stage_leaves_every_previous_output_byte_identical(string stage)
    {
        var (dir, book, output, before) = Previous();
        using var _ = dir;
        File.WriteAllText(book, Chapter("第二版正文。"));

        var result = BookPublisher.Publish(new PublishRequest(book, output, OutputFormats.All, Strict: false), new FailingIn(stage));

        Assert.Equal(PublishOutcome.ContentErrors, result.Outcome);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError.Id && d.Message.Contains($"the {stage} stage", StringComparison.Ordinal));
        before.AssertSameAs(OutputSnapshot.Take(output));
        AssertNoStagingLeft(output);
    }

    /// <summary>
    /// The site is made while the PDF is drawn, and waits for it only to offer it: a PDF stage that fails after the
    /// site has begun ends the build as one that failed before the site began. Nothing is replaced, no staging folder
    /// is left, and what the dropped site found (here GB0511, an unreadable site-addresses.json, which the same build
    /// reports when the PDF is written) is not reported.
    /// </summary>
    [Fact]
    public void A_pdf_stage_failing_while_the_site_is_being_made_drops_the_site_and_leaves_every_output_byte_identical()
    {
        var (dir, book, output, before) = Previous();
        using var _ = dir;
        File.WriteAllText(book, Chapter("第二版正文。"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(book)!, "site-addresses.json"), "{");
        var observer = new FailingPdfOnceTheSiteBegan();

        var result = BookPublisher.Publish(new PublishRequest(book, output, OutputFormats.Pdf | OutputFormats.Site, Strict: false), observer);

        Assert.True(observer.SiteHadBegun, "the site did not begin while the PDF was being made");
        Assert.Equal(PublishOutcome.ContentErrors, result.Outcome);
        var failure = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError.Id);
        Assert.Contains("the pdf stage", failure.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SiteAddressIgnored.Id);
        before.AssertSameAs(OutputSnapshot.Take(output));
        AssertNoStagingLeft(output);

        var written = BookPublisher.Publish(new PublishRequest(book, output, OutputFormats.Pdf | OutputFormats.Site, Strict: false), new Silent());
        Assert.Equal(PublishOutcome.Built, written.Outcome);
        Assert.Contains(written.Diagnostics, d => d.Code == DiagnosticCodes.SiteAddressIgnored.Id);
    }

    /// <summary>
    /// The PDF stage's warning (a character no bundled font has) fails a --strict build after the EPUB and the
    /// site were already written in staging: none of the three outputs in place changes.
    /// </summary>
    [Fact]
    public void Strict_with_a_character_the_fonts_lack_leaves_the_previous_three_outputs_byte_identical()
    {
        var (dir, book, output, before) = Previous();
        using var _ = dir;
        File.WriteAllText(book, Chapter("第二版，有一个缺字：\uE000。"));

        var result = CliProcess.Run("build", book, "--output", output, "--strict");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("warning GB0303", result.StdErr);
        Assert.Contains("previous outputs were left in place", result.StdErr);
        before.AssertSameAs(OutputSnapshot.Take(output));
        Assert.Contains($"{Id}.epub", before.Files);
        Assert.Contains($"{Id}.pdf", before.Files);
        Assert.Contains("site/index.html", before.Files);
        AssertNoStagingLeft(output);
    }

    [Fact]
    public void A_source_date_epoch_out_of_range_touches_nothing()
    {
        var (dir, book, output, before) = Previous();
        using var _ = dir;
        File.WriteAllText(book, Chapter("第二版正文。"));

        var result = CliProcess.RunWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "300000000000" }, "build", book, "--output", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error GB0009", result.StdErr);
        before.AssertSameAs(OutputSnapshot.Take(output));
    }

    public static TheoryData<string> CommitSteps() =>
        ["staged", "prepared", $"moved:{Id}.epub", $"moved:{Id}.pdf", "moved:site", "moved:.cache/build.json", "committed"];

    /// <summary>
    /// The CLI killed (SIGKILL, by itself through GPTBOOK_TEST_KILL_AT) at each step of its commit; then a build
    /// that fails on a content error, which must first undo the half-finished commit. Before the commit is marked
    /// done, every previous output comes back byte-identical; after, the new outputs stay.
    /// </summary>
    [Theory]
    [MemberData(nameof(CommitSteps))]
    public void A_build_killed_at_any_step_of_its_commit_is_undone_by_the_next_build(string step)
    {
        var (dir, book, output, before) = Previous();
        using var _ = dir;
        File.WriteAllText(book, Chapter("第二版正文。"));

        var killed = CliProcess.RunWith(new Dictionary<string, string> { ["GPTBOOK_TEST_KILL_AT"] = step }, "build", book, "--output", output);
        Assert.NotEqual(0, killed.ExitCode);
        Assert.Contains($"killed at {step}", killed.StdErr);
        Assert.True(Directory.Exists(Path.Combine(output, "site")), "the site folder is never missing");

        File.WriteAllText(book, Chapter("第三版，错误：![外面](../../outside.png)"));
        var next = CliProcess.Run("build", book, "--output", output);
        Assert.Equal(1, next.ExitCode);
        Assert.Contains("error GB0005", next.StdErr);

        if (step == "committed")
        {
            Assert.Contains("第二版", string.Concat(Directory.GetFiles(Path.Combine(output, "site"), "*.html").Select(File.ReadAllText)));
            Assert.DoesNotContain("GB0902", next.StdErr);
        }
        else
        {
            before.AssertSameAs(OutputSnapshot.Take(output));
            Assert.Equal(step.StartsWith("moved:", StringComparison.Ordinal), next.StdErr.Contains("info GB0902", StringComparison.Ordinal));
        }
        AssertNoStagingLeft(output);
    }

    /// <summary>Throws when the named stage starts: an internal error in that stage, as a bug would make.</summary>
    private sealed class FailingIn(string stage) : IPublishObserver
    {
        public void StageStarted(string name)
        {
            if (name == stage) throw new InvalidOperationException("injected failure");
        }

        public void StageFinished(string name, TimeSpan elapsed, string? detail) { }
    }

    /// <summary>Fails the PDF stage (an internal error, as a bug would make) only once the site stage has begun.</summary>
    private sealed class FailingPdfOnceTheSiteBegan : IPublishObserver
    {
        private readonly TaskCompletionSource _siteBegan = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SiteHadBegun { get; private set; }

        public void StageStarted(string name)
        {
            if (name == "site") _siteBegan.TrySetResult();
            if (name != "pdf") return;
            SiteHadBegun = _siteBegan.Task.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("injected failure");
        }

        public void StageFinished(string name, TimeSpan elapsed, string? detail) { }
    }

    private sealed class Silent : IPublishObserver
    {
        public void StageStarted(string name) { }

        public void StageFinished(string name, TimeSpan elapsed, string? detail) { }
    }
}
