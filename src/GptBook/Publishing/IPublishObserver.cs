namespace GptBook.Publishing;

/// <summary>Told when each stage starts and ends, so that a front end can show progress.</summary>
public interface IPublishObserver
{
    void StageStarted(string stage);

    void StageFinished(string stage, TimeSpan elapsed, string? detail);
}
