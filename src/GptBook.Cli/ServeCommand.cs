using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Publishing;
using GptBook.Site.Preview;

namespace GptBook.Cli;

/// <summary>
/// <c>gptbook serve</c>: builds the site, serves it on 127.0.0.1 only, and rebuilds it whenever something under the
/// book root changes (the output folder excepted). Pages reload by themselves after each rebuild, and show the
/// diagnostics of a failed one above the last good build. Runs until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static int Run(ServeArguments args)
    {
        var reporter = new ConsoleReporter(Console.Error);
        var request = new PublishRequest(args.BookFile, args.OutputDirectory, OutputFormats.Site, Strict: false);

        var first = BookPublisher.Publish(request, reporter);
        reporter.Summarize(first, strict: false);
        if (first.Outcome == PublishOutcome.ConfigurationError)
            return CommandLine.UsageError;
        var status = new PreviewBuildStatus();
        status.Report(FailureOf(first));

        var root = BookOptionsReader.Read(args.BookFile, new DiagnosticBag())?.RootDirectory
                   ?? Path.GetDirectoryName(Path.GetFullPath(args.BookFile))!;
        var output = Path.GetFullPath(args.OutputDirectory) + Path.DirectorySeparatorChar;
        using var watcher = new SourceChangeWatcher(root,
            rebuild: () =>
            {
                var result = BookPublisher.Publish(request, reporter);
                reporter.Summarize(result, strict: false);
                status.Report(FailureOf(result));
            },
            ignore: path => IsBuildArtefact(Path.GetFullPath(path), output),
            onError: e =>
            {
                Console.Error.WriteLine($"rebuild failed: {e.Message}");
                status.Report($"rebuild failed: {e.Message}");
            });

        var server = new SitePreviewServer(Path.Combine(args.OutputDirectory, "site"), args.Port, status);
        var address = server.Start();
        Console.Out.WriteLine($"serving {address} (127.0.0.1 only); watching {root}; Ctrl+C stops");

        using var stop = new ManualResetEventSlim();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Set();
        };
        stop.Wait();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return CommandLine.Success;
    }

    /// <summary>What the pages show about a build: nothing when it succeeded, else its errors and warnings.</summary>
    internal static string? FailureOf(PublishResult result)
    {
        if (result.Outcome is PublishOutcome.Built or PublishOutcome.UpToDate) return null;
        var lines = result.Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Info)
            .OrderByDescending(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString());
        return string.Join("\n", lines.DefaultIfEmpty("the build failed without a diagnostic; see the terminal"));
    }

    /// <summary>
    /// Changes that are not the book's: the output folder (or every rebuild would trigger the next one), and
    /// compilers' bin/obj folders when the book lives in a source repository, as this one does.
    /// </summary>
    private static bool IsBuildArtefact(string path, string outputDirectory)
    {
        var sep = Path.DirectorySeparatorChar;
        return path.StartsWith(outputDirectory, StringComparison.Ordinal)
               || path.Contains($"{sep}bin{sep}", StringComparison.Ordinal)
               || path.Contains($"{sep}obj{sep}", StringComparison.Ordinal);
    }
}
