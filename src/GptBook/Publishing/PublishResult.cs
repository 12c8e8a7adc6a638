using GptBook.Diagnostics;

namespace GptBook.Publishing;

/// <summary>How a build ended. Maps onto the CLI's exit codes 0, 1 and 2.</summary>
public enum PublishOutcome
{
    /// <summary>Every requested output was written (warnings allowed unless strict).</summary>
    Built,
    /// <summary>Nothing the outputs depend on changed since the last build; they were left as they are.</summary>
    UpToDate,
    /// <summary>The content has errors (or warnings under --strict); no output was replaced.</summary>
    ContentErrors,
    /// <summary>The book file or its settings are unusable; nothing was read past them.</summary>
    ConfigurationError,
}

public sealed record StageTiming(string Stage, TimeSpan Elapsed);

/// <summary>
/// The outcome, every diagnostic (sorted), the files written, how long each stage took, and the PDF's page count
/// (0 when no PDF was built).
/// </summary>
public sealed record PublishResult(
    PublishOutcome Outcome,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<StageTiming> Timings,
    int Pages = 0)
{
    /// <summary>The whole build's wall time; less than the stages' sum, since the PDF and EPUB are written side by side.</summary>
    public TimeSpan Elapsed { get; init; }
}
