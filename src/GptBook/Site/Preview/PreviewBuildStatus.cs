namespace GptBook.Site.Preview;

/// <summary>
/// What the preview server tells the pages it serves about the builds: a generation number that goes up with every
/// finished build (a page that saw another number reloads), and the last build's failure, shown at the top of every
/// page until a build succeeds again. Thread-safe: the watcher reports, the server's connections read.
/// </summary>
public sealed class PreviewBuildStatus
{
    private readonly Lock _lock = new();
    private State _state = new(0, null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>One moment's view: the generation, the failure (null after a good build), and a task that completes
    /// at the next report.</summary>
    public sealed record State(int Generation, string? Failure, TaskCompletionSource NextReport)
    {
        public Task Changed => NextReport.Task;
    }

    public State Current
    {
        get { lock (_lock) return _state; }
    }

    /// <param name="failure">Null when the build succeeded; else what went wrong, as the terminal shows it.</param>
    public void Report(string? failure)
    {
        State previous;
        lock (_lock)
        {
            previous = _state;
            _state = new State(previous.Generation + 1, failure, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        previous.NextReport.TrySetResult();
    }
}
