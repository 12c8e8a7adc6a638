namespace GptBook.Publishing;

/// <summary>Told when each stage starts and ends, so that a front end can show progress.</summary>
public interface IPublishObserver
{
    void StageStarted(string stage);

    void StageFinished(string stage, TimeSpan elapsed, string? detail);

    /// <summary>Something the user should know while the build runs (it is waiting for another build's lock).</summary>
    void Notice(string message) { }

    /// <summary>
    /// The commit reached a named step (<see cref="CommitSteps"/>). Nothing to show; the fault-injection tests use it
    /// to stop a build at a chosen point of the commit.
    /// </summary>
    void CommitStep(string step) { }
}
