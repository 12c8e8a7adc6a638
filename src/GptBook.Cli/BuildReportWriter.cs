using System.Diagnostics;
using System.Text.Json;
using GptBook.Publishing;

namespace GptBook.Cli;

/// <summary>
/// Writes <c>--report FILE</c>: stage times, total, this process's peak working set, pages and output sizes, as JSON,
/// for the benchmark. Written by hand with Utf8JsonWriter to keep reflection out of start-up.
/// </summary>
internal static class BuildReportWriter
{
    public static void Write(string path, PublishResult result)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("outcome", result.Outcome.ToString());
        json.WriteNumber("total_ms", result.Elapsed.TotalMilliseconds);
        json.WriteNumber("peak_working_set_bytes", Process.GetCurrentProcess().PeakWorkingSet64);
        json.WriteNumber("pages", result.Pages);
        json.WriteStartArray("stages");
        foreach (var t in result.Timings)
        {
            json.WriteStartObject();
            json.WriteString("stage", t.Stage);
            json.WriteNumber("ms", t.Elapsed.TotalMilliseconds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("outputs");
        foreach (var output in result.Outputs.Where(File.Exists))
        {
            json.WriteStartObject();
            json.WriteString("path", output);
            json.WriteNumber("bytes", new FileInfo(output).Length);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
