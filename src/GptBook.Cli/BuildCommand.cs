using GptBook.Publishing;

namespace GptBook.Cli;

/// <summary><c>gptbook build</c>: runs the publisher and turns its outcome into an exit code.</summary>
internal static class BuildCommand
{
    public static int Run(BuildArguments args)
    {
        var reporter = new ConsoleReporter(Console.Error);
        var result = BookPublisher.Publish(
            new PublishRequest(args.BookFile, args.OutputDirectory, args.Formats, args.Strict, Incremental: !args.Force),
            KillSwitchObserver.Wrap(reporter));
        reporter.Summarize(result, args.Strict);
        if (args.ReportFile != null)
            BuildReportWriter.Write(args.ReportFile, result);
        return ExitCode(result.Outcome);
    }

    public static int ExitCode(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Built or PublishOutcome.UpToDate => CommandLine.Success,
        PublishOutcome.ContentErrors => CommandLine.ContentErrors,
        _ => CommandLine.UsageError,
    };
}
