using System.Diagnostics;
using System.Globalization;

namespace GptBook.Benchmarks;

/// <summary>
/// Runs a whole command as a user would and measures it from outside: wall time, and CPU time (user + system) and
/// peak resident memory through GNU time (<c>/usr/bin/time -f</c>, Debian package <c>time</c>), which also cover
/// child processes such as xelatex under pandoc. CPU time is the figure to compare on a shared machine, where
/// wall time mostly measures the other processes.
/// </summary>
public static class ProcessMeasurement
{
    public sealed record Measured(TimeSpan Wall, TimeSpan? Cpu, long? PeakBytes, int ExitCode, string Output);

    public static Measured Run(string program, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
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
            psi.ArgumentList.Add("GPTBOOK-BENCH %M %U %S");
            psi.ArgumentList.Add(program);
        }
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();

        var output = stdout.Result + stderr.Result;
        long? peak = null;
        TimeSpan? cpu = null;
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Trim().Split(' ');
            if (fields.Length != 4 || fields[0] != "GPTBOOK-BENCH") continue;
            peak = long.Parse(fields[1], CultureInfo.InvariantCulture) * 1024;
            cpu = TimeSpan.FromSeconds(double.Parse(fields[2], CultureInfo.InvariantCulture) + double.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        return new Measured(clock.Elapsed, cpu, peak, process.ExitCode, output);
    }

    /// <summary>Whether <paramref name="tool"/> is on the PATH.</summary>
    public static bool Installed(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
}
