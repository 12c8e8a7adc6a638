using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// Short runs (one launch, three warm-ups, five iterations) with allocation counts: enough to compare the hot
/// paths against each other on a shared machine, quick enough to run on every change.
/// </summary>
public sealed class MicroConfig : ManualConfig
{
    public MicroConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
