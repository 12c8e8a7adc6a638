using System.Diagnostics;

namespace GptBook.Tests.Support;

/// <summary>
/// Runs validators (epubcheck, qpdf, pdffonts, chromium …). A test that needs one that isn't installed is skipped
/// locally, but fails when GPTBOOK_REQUIRE_VALIDATORS=1 (as in CI), so CI can never pass by skipping.
/// </summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string Output => StdOut + StdErr;
    }

    public static bool ValidatorsRequired => Environment.GetEnvironmentVariable("GPTBOOK_REQUIRE_VALIDATORS") == "1";

    /// <summary>
    /// Converters that take a minute of CPU (calibre, DAISY Ace) run in CI and when GPTBOOK_SLOW_TESTS=1; a plain local
    /// run skips them, so that a developer's full run stays quick on a shared 2-core machine.
    /// </summary>
    public static void RequireSlowTools()
    {
        if (ValidatorsRequired || Environment.GetEnvironmentVariable("GPTBOOK_SLOW_TESTS") == "1") return;
        Skip.If(true, "slow reader conversions run in CI or with GPTBOOK_SLOW_TESTS=1");
    }

    /// <summary>The tool's full path; skips the test (or fails it, when validators are required) if it is missing.</summary>
    public static string Require(string name)
    {
        var path = Find(name);
        if (path != null) return path;
        if (ValidatorsRequired)
            throw new InvalidOperationException($"{name} is not installed, and GPTBOOK_REQUIRE_VALIDATORS=1 requires it");
        Skip.If(true, $"{name} is not installed");
        return name;
    }

    /// <summary>A file a tool ships (axe-core's script), named by an environment variable that .ci/run sets; skips
    /// the test (or fails it, when validators are required) when the variable names no file.</summary>
    public static string RequireFile(string variable, string what)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        if (path != null && File.Exists(path)) return path;
        if (ValidatorsRequired)
            throw new InvalidOperationException($"{what} is not installed ({variable}), and GPTBOOK_REQUIRE_VALIDATORS=1 requires it");
        Skip.If(true, $"{what} is not installed (set {variable})");
        return "";
    }

    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static Result Run(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in time");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
