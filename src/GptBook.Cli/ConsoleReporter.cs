using GptBook.Diagnostics;
using GptBook.Publishing;

namespace GptBook.Cli;

/// <summary>
/// Prints progress per stage with timings, then every diagnostic in compiler style (file:line:col: severity
/// code: message), then a one-line summary. Progress and diagnostics go to stderr; stdout stays clean.
/// </summary>
internal sealed class ConsoleReporter(TextWriter writer) : IPublishObserver
{
    public void StageStarted(string stage) { }

    public void Notice(string message) => writer.WriteLine(message);

    public void StageFinished(string stage, TimeSpan elapsed, string? detail)
    {
        var suffix = string.IsNullOrEmpty(detail) ? "" : "  " + detail;
        writer.WriteLine($"  {stage,-10} {elapsed.TotalMilliseconds,7:0} ms{suffix}");
    }

    public void Summarize(PublishResult result, bool strict)
    {
        foreach (var d in result.Diagnostics)
            writer.WriteLine(d.ToString());
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var total = result.Elapsed;
        var counts = $"{errors} error(s), {warnings} warning(s)";
        switch (result.Outcome)
        {
            case PublishOutcome.UpToDate:
                writer.WriteLine($"up to date (nothing changed since the last build), {counts}:");
                foreach (var output in result.Outputs) writer.WriteLine($"  {output}");
                break;
            case PublishOutcome.Built:
                writer.WriteLine($"built in {total.TotalSeconds:0.00} s, {counts}:");
                foreach (var output in result.Outputs) writer.WriteLine($"  {output}");
                break;
            case PublishOutcome.ContentErrors:
                var why = strict && errors == 0 ? " (--strict treats warnings as errors)" : "";
                writer.WriteLine($"build failed, {counts}{why}; previous outputs were left in place");
                break;
            default:
                writer.WriteLine($"build failed: the book's configuration is unusable, {counts}");
                break;
        }
    }
}
