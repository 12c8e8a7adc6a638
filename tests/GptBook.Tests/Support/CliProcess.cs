using System.Diagnostics;

namespace GptBook.Tests.Support;

/// <summary>Runs the real `gptbook` CLI as a separate process, exactly as build.cake does.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>The CLI built in the same configuration as these tests (the test project references it).</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "gptbook.dll");

    public static Result Run(params string[] arguments) => RunWith(new Dictionary<string, string>(), arguments);

    /// <summary>Runs a native executable of the CLI (the one `dotnet cake` compiles ahead of time) the same way.</summary>
    public static Result RunExecutable(string executable, params string[] arguments)
    {
        using var running = Start(new ProcessStartInfo(executable), new Dictionary<string, string>(), arguments);
        return running.Wait();
    }

    /// <summary>Runs the CLI with these environment variables set (SOURCE_DATE_EPOCH is otherwise removed).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var running = Start(environment, arguments);
        return running.Wait();
    }

    /// <summary>Starts the CLI and returns at once, for tests that act while it runs (two builds at once).</summary>
    public static Running Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet");
        psi.ArgumentList.Add(Dll);
        return Start(psi, environment, arguments);
    }

    private static Running Start(ProcessStartInfo psi, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = RepositoryPaths.Root;
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        return new Running(Process.Start(psi)!);
    }

    /// <summary>A CLI process still running; its stderr is collected as it comes.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly System.Text.StringBuilder _stderr = new();
        private readonly Task _stderrDone;

        internal Running(Process process)
        {
            _process = process;
            _stdout = process.StandardOutput.ReadToEndAsync();
            _stderrDone = Task.Run(async () =>
            {
                while (await process.StandardError.ReadLineAsync() is { } line)
                    lock (_stderr) _stderr.AppendLine(line);
            });
        }

        public string StdErrSoFar
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        /// <summary>Waits until stderr contains <paramref name="text"/>; false if the process ended first.</summary>
        public bool WaitForStdErr(string text, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (StdErrSoFar.Contains(text, StringComparison.Ordinal)) return true;
                if (_process.HasExited) return StdErrSoFar.Contains(text, StringComparison.Ordinal);
                Thread.Sleep(50);
            }
            return false;
        }

        public Result Wait()
        {
            if (!_process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException("gptbook did not finish in 5 minutes");
            }
            _stderrDone.Wait();
            return new Result(_process.ExitCode, _stdout.Result, StdErrSoFar);
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
