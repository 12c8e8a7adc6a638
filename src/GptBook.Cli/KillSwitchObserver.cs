using System.Diagnostics;
using GptBook.Publishing;

namespace GptBook.Cli;

/// <summary>
/// For the fault-injection tests only: when GPTBOOK_TEST_KILL_AT names a stage ("epub") or a commit step
/// ("prepared", "moved:site", see <see cref="GptBook.IO.CommitSteps"/>), the process kills itself there with
/// SIGKILL, as a crash or a power cut would stop it: no finally block, no cleanup. Unset, it is never installed.
/// </summary>
internal sealed class KillSwitchObserver(IPublishObserver inner, string killAt) : IPublishObserver
{
    public const string Variable = "GPTBOOK_TEST_KILL_AT";

    public static IPublishObserver Wrap(IPublishObserver inner) =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } step ? new KillSwitchObserver(inner, step) : inner;

    public void StageStarted(string stage)
    {
        KillIf(stage);
        inner.StageStarted(stage);
    }

    public void StageFinished(string stage, TimeSpan elapsed, string? detail) => inner.StageFinished(stage, elapsed, detail);

    public void Notice(string message) => inner.Notice(message);

    public void CommitStep(string step)
    {
        KillIf(step);
        inner.CommitStep(step);
    }

    private void KillIf(string point)
    {
        if (point != killAt) return;
        Console.Error.WriteLine($"{Variable}: killed at {point}");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
