using GptBook.IO;
using GptBook.Tests.Support;

namespace GptBook.Tests.Transaction;

/// <summary>
/// The commit on its own, on real files: all outputs move together; a commit stopped at any step (here by an
/// exception from the step callback, with the transaction abandoned as a killed process would leave it) is undone
/// by the next <see cref="OutputTransaction.Recover"/>, with the atomic exchange and with the two-rename fallback.
/// </summary>
public class OutputTransactionTests
{
    private static readonly string[] Products = ["book.epub", "book.pdf", "site"];

    private sealed class Stopped : Exception;

    /// <summary>A previous build's outputs: two files and a site folder with a page and a sub-folder.</summary>
    private static void WritePrevious(string output)
    {
        Directory.CreateDirectory(Path.Combine(output, "site", "images"));
        File.WriteAllText(Path.Combine(output, "book.epub"), "old epub");
        File.WriteAllText(Path.Combine(output, "book.pdf"), "old pdf");
        File.WriteAllText(Path.Combine(output, "site", "index.html"), "old index");
        File.WriteAllText(Path.Combine(output, "site", "images", "a.png"), "old picture");
    }

    private static void Stage(OutputTransaction transaction, string output)
    {
        File.WriteAllText(transaction.StagedPath(Path.Combine(output, "book.epub")), "new epub");
        File.WriteAllText(transaction.StagedPath(Path.Combine(output, "book.pdf")), "new pdf");
        var site = transaction.StagedPath(Path.Combine(output, "site"));
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "new index");
    }

    private static string[] Finals(string output) => Products.Select(p => Path.Combine(output, p)).ToArray();

    [SkippableFact]
    public void On_linux_two_folders_are_exchanged_in_one_step()
    {
        Skip.IfNot(OperatingSystem.IsLinux());
        using var dir = new TemporaryDirectory();
        dir.Write("a/which", "a");
        dir.Write("b/which", "b");
        Assert.True(PathExchange.TryExchange(dir.Combine("a"), dir.Combine("b")));
        Assert.Equal("b", File.ReadAllText(dir.Combine("a", "which")));
        Assert.Equal("a", File.ReadAllText(dir.Combine("b", "which")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_commit_moves_every_output_into_place_and_leaves_no_staging_folder(bool atomicExchange)
    {
        using var dir = new TemporaryDirectory();
        WritePrevious(dir.Path);
        var steps = new List<string>();
        using (var transaction = OutputTransaction.Begin(dir.Path, atomicExchange))
        {
            Stage(transaction, dir.Path);
            transaction.Commit(Finals(dir.Path), steps.Add);
        }

        Assert.Equal("new epub", File.ReadAllText(dir.Combine("book.epub")));
        Assert.Equal("new pdf", File.ReadAllText(dir.Combine("book.pdf")));
        Assert.Equal("new index", File.ReadAllText(dir.Combine("site", "index.html")));
        Assert.False(Directory.Exists(dir.Combine("site", "images")), "the previous site's files are gone with it");
        Assert.Equal(["staged", "prepared", "moved:book.epub", "moved:book.pdf", "moved:site", "committed"], steps);
        Assert.Empty(Directory.GetDirectories(dir.Combine(".cache")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir.Path), e => Path.GetFileName(e).StartsWith("site.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_transaction_disposed_without_commit_touches_nothing_and_cleans_up()
    {
        using var dir = new TemporaryDirectory();
        WritePrevious(dir.Path);
        var before = OutputSnapshot.Take(dir.Path);
        using (var transaction = OutputTransaction.Begin(dir.Path))
            Stage(transaction, dir.Path);
        before.AssertSameAs(OutputSnapshot.Take(dir.Path));
        Assert.Empty(Directory.GetDirectories(dir.Combine(".cache")));
    }

    public static TheoryData<string, bool> StopPoints()
    {
        var data = new TheoryData<string, bool>();
        foreach (var exchange in new[] { true, false })
            foreach (var step in new[] { "staged", "prepared", "moved:book.epub", "moved:book.pdf", "moved:site", "committed" })
                data.Add(step, exchange);
        return data;
    }

    [Theory]
    [MemberData(nameof(StopPoints))]
    public void A_commit_stopped_at_any_step_is_undone_by_the_next_recovery_unless_it_was_marked_done(string step, bool atomicExchange)
    {
        using var dir = new TemporaryDirectory();
        WritePrevious(dir.Path);
        var before = OutputSnapshot.Take(dir.Path);
        var transaction = OutputTransaction.Begin(dir.Path, atomicExchange); // abandoned, not disposed: as a killed process leaves it
        Stage(transaction, dir.Path);
        Assert.Throws<Stopped>(() => transaction.Commit(Finals(dir.Path), s => { if (s == step) throw new Stopped(); }));
        Assert.True(Directory.Exists(dir.Combine("site")), "the site folder is never missing");

        var restored = OutputTransaction.Recover(dir.Path, atomicExchange);

        if (step == "committed")
        {
            Assert.Empty(restored);
            Assert.Equal("new epub", File.ReadAllText(dir.Combine("book.epub")));
            Assert.Equal("new index", File.ReadAllText(dir.Combine("site", "index.html")));
        }
        else
        {
            before.AssertSameAs(OutputSnapshot.Take(dir.Path));
            var moved = step.StartsWith("moved:", StringComparison.Ordinal) ? Array.IndexOf(Products, step["moved:".Length..]) + 1 : 0;
            Assert.Equal(Products.Take(moved).Reverse(), restored);
        }
        Assert.Empty(Directory.GetDirectories(dir.Combine(".cache")));
    }

    /// <summary>
    /// The two-rename windows, made by hand from a commit stopped after its journal: the fallback commit's (the
    /// previous output moved aside, the new one not yet in place), and an undo's (the new output taken away, the
    /// previous one still in the staging folder).
    /// </summary>
    [Theory]
    [InlineData("commit")]
    [InlineData("undo")]
    public void A_stop_between_two_renames_is_undone_too(string window)
    {
        using var dir = new TemporaryDirectory();
        WritePrevious(dir.Path);
        var before = OutputSnapshot.Take(dir.Path);
        var transaction = OutputTransaction.Begin(dir.Path, atomicExchange: window == "undo");
        Stage(transaction, dir.Path);
        var stopAt = window == "commit" ? "prepared" : "moved:book.epub";
        Assert.Throws<Stopped>(() => transaction.Commit(Finals(dir.Path), s => { if (s == stopAt) throw new Stopped(); }));
        var aside = Path.Combine(transaction.Root, window == "commit" ? "previous" : "discard", "book.epub");
        Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
        File.Move(dir.Combine("book.epub"), aside);

        OutputTransaction.Recover(dir.Path);

        before.AssertSameAs(OutputSnapshot.Take(dir.Path));
    }

    [Fact]
    public void A_first_build_stopped_halfway_leaves_no_output_after_recovery()
    {
        using var dir = new TemporaryDirectory();
        var transaction = OutputTransaction.Begin(dir.Path);
        Stage(transaction, dir.Path);
        Assert.Throws<Stopped>(() => transaction.Commit(Finals(dir.Path), s => { if (s == "moved:book.pdf") throw new Stopped(); }));
        Assert.True(File.Exists(dir.Combine("book.epub")));

        OutputTransaction.Recover(dir.Path);

        Assert.Equal([dir.Combine(".cache")], Directory.GetFileSystemEntries(dir.Path));
    }
}
