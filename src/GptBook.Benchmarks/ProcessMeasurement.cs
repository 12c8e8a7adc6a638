using System.Diagnostics;
using System.Globalization;

namespace GptBook.Benchmarks;

/// <summary>
/// Runs a whole command as a user would and measures it from outside: wall time, and peak resident memory
/// through GNU time (<c>/usr/bin/time -f %M</c>, Debian package <c>time</c>), which also covers child processes
/// such as xelatex under pandoc.
/// </summary>
public static class ProcessMeasurement
{
    public sealed record Measured(TimeSpan Wall, long? PeakBytes, int ExitCode, string Output);

    public static Measured Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var gnuTime = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        var psi = new ProcessStartInfo(gnuTime ?? program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (gnuTime != null)
        {
            psi.ArgumentList.Add("-f");
            psi.ArgumentList.Add("GPTBOOK-BENCH-PEAK-KB %M");
            psi.ArgumentList.Add(program);
        }
        foreach (var a in arguments) psi.ArgumentList.Add(a);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();

        var output = stdout.Result + stderr.Result;
        long? peak = null;
        foreach (var line in output.Split('\n'))
            if (line.StartsWith("GPTBOOK-BENCH-PEAK-KB ", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(22), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                peak = kb * 1024;
        return new Measured(clock.Elapsed, peak, process.ExitCode, output);
    }
}
