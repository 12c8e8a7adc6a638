using System.Runtime.InteropServices;

namespace GptBook.Benchmarks;

/// <summary>
/// How a benchmark runs gptbook: the native executable `dotnet cake` compiles (the default) by itself, or a
/// gptbook.dll, the JIT-compiled CLI, through dotnet, to compare the two.
/// </summary>
public sealed record CliCommand(string Program, IReadOnlyList<string> Prefix)
{
    public static string DefaultPath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, $"src/GptBook.Cli/bin/Release/native-{RuntimeInformation.RuntimeIdentifier}/gptbook");

    public static CliCommand For(string cli) =>
        cli.EndsWith(".dll", StringComparison.Ordinal) ? new CliCommand("dotnet", [cli]) : new CliCommand(cli, []);

    public ProcessMeasurement.Measured Run(IEnumerable<string> arguments, string workingDirectory) =>
        ProcessMeasurement.Run(Program, [.. Prefix, .. arguments], workingDirectory);
}
