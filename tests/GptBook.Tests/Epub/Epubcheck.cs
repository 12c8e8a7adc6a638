using System.Diagnostics;
using System.Text.Json;
using GptBook.Tests.Support;

namespace GptBook.Tests.Epub;

/// <summary>
/// Runs epubcheck (skipped locally when missing, required in CI) and returns its fatal errors, errors and warnings,
/// parsed from its JSON report. All EPUBs of a test run go through one JVM (<see cref="Batch"/>): starting Java and
/// loading epubcheck's schemas once instead of once per EPUB. Where that runner cannot start (a Java runtime without
/// the compiler its source launcher needs), each EPUB gets its own <c>java -jar</c>. Debian installs
/// /usr/bin/epubcheck as the jar itself, which only runs where binfmt_misc knows jars, so it is started through java.
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
        var output = Batch.Check(jar, Path.GetFullPath(epubPath), report)
                     ?? ExternalTool.Run("java", ["-jar", jar, epubPath, "--json", report]).Output;
        Assert.True(File.Exists(report), "epubcheck wrote no report: " + output);
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

    /// <summary>
    /// One JVM for the whole test run, running EpubcheckBatch.java (beside this file) through Java's source launcher:
    /// it reads "EPUB&lt;TAB&gt;REPORT" lines and answers "done&lt;TAB&gt;EPUB" once the report is written. Tests ask
    /// one at a time; the process ends with the test run.
    /// </summary>
    private static class Batch
    {
        private static readonly Lock Gate = new();
        private static Process? _process;
        private static bool _unavailable;

        /// <summary>What the runner answered, or null when it is unavailable (the caller runs epubcheck itself).</summary>
        public static string? Check(string jar, string epub, string report)
        {
            lock (Gate)
            {
                if (_unavailable) return null;
                var process = _process ??= Start(jar);
                if (process == null) return null;
                process.StandardInput.WriteLine(epub + "\t" + report);
                process.StandardInput.Flush();
                while (true)
                {
                    var reading = process.StandardOutput.ReadLineAsync();
                    if (!reading.Wait(TimeSpan.FromMinutes(3)))
                    {
                        process.Kill();
                        throw new TimeoutException($"epubcheck took more than 3 minutes on {epub}");
                    }
                    if (reading.Result is not { } answer) break;
                    if (answer.StartsWith("done\t", StringComparison.Ordinal) || answer.StartsWith("failed\t", StringComparison.Ordinal))
                        return answer;
                }
                // The runner died (it could not compile, or crashed): the rest of the run uses java -jar.
                _unavailable = true;
                _process = null;
                return null;
            }
        }

        private static Process? Start(string jar)
        {
            var source = Path.Combine(RepositoryPaths.Root, "tests", "GptBook.Tests", "Epub", "EpubcheckBatch.java");
            var psi = new ProcessStartInfo(ExternalTool.Require("java"))
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new System.Text.UTF8Encoding(false),
                StandardOutputEncoding = new System.Text.UTF8Encoding(false),
            };
            foreach (var a in new[] { "-cp", jar, source }) psi.ArgumentList.Add(a);
            var process = Process.Start(psi);
            if (process == null)
            {
                _unavailable = true;
                return null;
            }
            process.ErrorDataReceived += (_, _) => { }; // epubcheck's progress lines; the reports carry the findings
            process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { process.StandardInput.Close(); } catch (IOException) { }
                if (!process.WaitForExit(2000)) process.Kill();
            };
            return process;
        }
    }
}
