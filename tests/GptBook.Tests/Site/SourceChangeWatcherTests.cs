using GptBook.Site.Preview;

namespace GptBook.Tests.Site;

public sealed class SourceChangeWatcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _work = Directory.CreateTempSubdirectory("gptbook-watch-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_change_in_the_book_triggers_the_rebuild()
    {
        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new SourceChangeWatcher(_work, () => rebuilt.TrySetResult(), ignore: _ => false, TimeSpan.FromMilliseconds(50));
        File.WriteAllText(Path.Combine(_work, "chapter.md"), "# changed");
        Assert.Same(rebuilt.Task, await Task.WhenAny(rebuilt.Task, Task.Delay(Patience)));
    }

    [Fact]
    public async Task A_failing_rebuild_is_reported_and_watching_goes_on()
    {
        var errors = new List<Exception>();
        var calls = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new SourceChangeWatcher(_work,
            () => { if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("broken book"); second.TrySetResult(); },
            ignore: _ => false, TimeSpan.FromMilliseconds(50), onError: e => { lock (errors) errors.Add(e); });

        var path = Path.Combine(_work, "chapter.md");
        for (var attempt = 0; attempt < 100 && !second.Task.IsCompleted; attempt++)
        {
            File.WriteAllText(path, $"# version {attempt}");
            await Task.WhenAny(second.Task, Task.Delay(200));
        }
        Assert.True(second.Task.IsCompleted, "the watcher stopped after a failed rebuild");
        lock (errors) Assert.Equal("broken book", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Changes_under_an_ignored_path_or_a_hidden_one_do_not_trigger_a_rebuild_but_others_do()
    {
        var output = Path.Combine(_work, "output");
        Directory.CreateDirectory(output);
        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new SourceChangeWatcher(_work, () => rebuilt.TrySetResult(),
            ignore: path => path.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == output,
            TimeSpan.FromMilliseconds(50));

        File.WriteAllText(Path.Combine(output, "index.html"), "written by a build");
        Directory.CreateDirectory(Path.Combine(_work, ".git"));
        File.WriteAllText(Path.Combine(_work, ".git", "index"), "a commit");
        File.WriteAllText(Path.Combine(_work, ".chapter.md.swp"), "editor state");
        // Twenty quiet periods: long enough for a wrongly counted change to have fired.
        await Task.WhenAny(rebuilt.Task, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.False(rebuilt.Task.IsCompleted, "a change in the ignored output folder triggered a rebuild");

        File.WriteAllText(Path.Combine(_work, "book.yml"), "title: x");
        Assert.Same(rebuilt.Task, await Task.WhenAny(rebuilt.Task, Task.Delay(Patience)));
    }
}
