using System.Text.Json;

namespace GptBook.Benchmarks;

/// <summary>What `gptbook build --report FILE` wrote about itself: stage times, peak memory, pages, output sizes.</summary>
public sealed record BuildReport(double TotalMs, long PeakWorkingSetBytes, int Pages, IReadOnlyDictionary<string, double> StageMs, long OutputBytes)
{
    public static BuildReport Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var stages = root.GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("ms").GetDouble());
        var outputBytes = root.GetProperty("outputs").EnumerateArray().Sum(o => o.GetProperty("bytes").GetInt64());
        return new BuildReport(
            root.GetProperty("total_ms").GetDouble(),
            root.GetProperty("peak_working_set_bytes").GetInt64(),
            root.TryGetProperty("pages", out var pages) ? pages.GetInt32() : 0,
            stages,
            outputBytes);
    }
}
