using System.Diagnostics;

namespace GptBook.Tests.Support;

/// <summary>Runs the real `gptbook` CLI as a separate process, exactly as build.cake does.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>The CLI built in the same configuration as these tests (the test project references it).</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "gptbook.dll");

    public static Result Run(params string[] arguments) => RunWith(new Dictionary<string, string>(), arguments);

    /// <summary>Runs the CLI with these environment variables set (SOURCE_DATE_EPOCH is otherwise removed).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("gptbook did not finish in 5 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
