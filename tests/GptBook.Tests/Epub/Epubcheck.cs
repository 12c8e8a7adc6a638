using System.Text.Json;
using GptBook.Tests.Support;

namespace GptBook.Tests.Epub;

/// <summary>
/// Runs epubcheck (skipped locally when missing, required in CI) and returns its fatal errors, errors and warnings,
/// parsed from its JSON report. Debian installs /usr/bin/epubcheck as the jar itself, which only runs where
/// binfmt_misc knows jars, so it is started through java -jar.
/// </summary>
internal static class Epubcheck
{
    public sealed record Message(string Id, string Severity, string Text, string Where)
    {
        public override string ToString() => $"{Severity}({Id}) {Where}: {Text}";
    }

    public static IReadOnlyList<Message> Problems(string epubPath)
    {
        var jar = ExternalTool.Require("epubcheck");
        ExternalTool.Require("java");
        var report = Path.Combine(Path.GetDirectoryName(epubPath)!, Path.GetFileNameWithoutExtension(epubPath) + ".epubcheck.json");
        var run = ExternalTool.Run("java", ["-jar", jar, epubPath, "--json", report]);
        Assert.True(File.Exists(report), "epubcheck wrote no report: " + run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().Select(m => new Message(
            m.GetProperty("ID").GetString()!,
            m.GetProperty("severity").GetString()!,
            m.GetProperty("message").GetString()!,
            string.Join("; ", m.GetProperty("locations").EnumerateArray().Select(l =>
                $"{l.GetProperty("path").GetString()}({l.GetProperty("line").GetInt32()},{l.GetProperty("column").GetInt32()})"))));
        return messages.Where(m => m.Severity is "FATAL" or "ERROR" or "WARNING").ToArray();
    }

    /// <summary>Asserts 0 errors and 0 warnings, listing them all if not.</summary>
    public static void AssertValid(string epubPath)
    {
        var problems = Problems(epubPath);
        Assert.True(problems.Count == 0, "epubcheck:\n" + string.Join("\n", problems));
    }
}
