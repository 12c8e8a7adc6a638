using GptBook.Configuration;
using GptBook.Diagnostics;

namespace GptBook.Images;

/// <summary>
/// What the image stage is handed: the book's settings, the cache folder (absolute or relative to the working
/// directory), the outputs to prepare images for, and the diagnostics list. <see cref="MemoryBudgetBytes"/> bounds
/// the decoded pixels held at once across parallel workers. <see cref="Statistics"/> counts what the run did, so
/// callers (and tests) can see whether the cache was used.
/// </summary>
public sealed record ImageStageContext(
    BookOptions Options,
    string CacheDirectory,
    IReadOnlySet<ImageProfile> Profiles,
    DiagnosticBag Diagnostics)
{
    public long MemoryBudgetBytes { get; init; } = 1L << 30;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public ImageStageStatistics Statistics { get; } = new();
}
