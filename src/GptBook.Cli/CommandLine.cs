
namespace GptBook.Cli;

/// <summary>
/// Dispatches <c>gptbook &lt;command&gt;</c>. Exit codes: 0 built (warnings allowed), 1 content errors (or warnings
/// under --strict), 2 usage or configuration error.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public const string Usage = """
        usage: gptbook build <book.yml|file.md> [--output DIR] [--format epub,pdf,site] [--strict] [--force]
               gptbook serve <book.yml|file.md> [--output DIR] [--port N]
               gptbook <command> --help | gptbook help <command>
               gptbook --help | --version

          build    render the book into DIR (default: output/): <id>.epub, <id>.pdf and site/
          serve    build the site, serve DIR/site on 127.0.0.1, and rebuild when the content changes
        """;

    public const string BuildUsage = """
        usage: gptbook build <book.yml|file.md> [--output DIR] [--format epub,pdf,site] [--strict] [--force] [--report FILE]

          Renders the book into DIR: <id>.epub, <id>.pdf and site/. A failed build leaves the previous outputs.

          <book.yml|file.md>  the book file, or a single Markdown file (its first heading is the title)
          -o, --output DIR    where the outputs go (default: output)
          -f, --format LIST   any of epub, pdf, site, all, comma-separated (default: all)
          --strict            treat warnings as errors (exit 1)
          --force             rebuild even if nothing changed since the last build in DIR
          --report FILE       write stage times, peak memory and output sizes as JSON
          -h, --help          show this help

        exit codes: 0 built (warnings allowed), 1 content errors, 2 usage or configuration error
        """;

    public const string ServeUsage = """
        usage: gptbook serve <book.yml|file.md> [--output DIR] [--port N]

          Builds the site into DIR/site, serves it on http://127.0.0.1:N/ (and localhost:N; no other host name is
          answered), and rebuilds it when a file under the book root changes. Open pages reload after each rebuild;
          a failed rebuild's diagnostics are shown at the top of the page. Ctrl+C stops.

          <book.yml|file.md>  the book file, or a single Markdown file
          -o, --output DIR    where the outputs go (default: output)
          --port N            the port on 127.0.0.1 (default: 8000; 0 picks a free one)
          -h, --help          show this help
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0)
            return Fail("no command given");
        switch (args[0])
        {
            case "help" when args.Length > 1:
                return Help(args[1]);
            case "-h" or "--help" or "help":
                Console.Out.WriteLine(Usage);
                return Success;
            case "--version":
                Console.Out.WriteLine(typeof(CommandLine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                return Success;
            case "build" when WantsHelp(args):
                Console.Out.WriteLine(BuildUsage);
                return Success;
            case "serve" when WantsHelp(args):
                Console.Out.WriteLine(ServeUsage);
                return Success;
            case "build":
                return BuildArguments.TryParse(args.AsSpan(1), out var build, out var error)
                    ? BuildCommand.Run(build!)
                    : Fail(error!);
            case "serve":
                return ServeArguments.TryParse(args.AsSpan(1), out var serve, out var serveError)
                    ? ServeCommand.Run(serve!)
                    : Fail(serveError!);
            default:
                return Fail($"unknown command '{args[0]}'");
        }
    }

    /// <summary><c>gptbook help build</c> answers as <c>gptbook build --help</c> does, as git and dotnet do.</summary>
    private static int Help(string command)
    {
        var usage = command switch
        {
            "build" => BuildUsage,
            "serve" => ServeUsage,
            _ => null,
        };
        if (usage is null)
            return Fail($"no help for unknown command '{command}'");
        Console.Out.WriteLine(usage);
        return Success;
    }

    private static bool WantsHelp(string[] args) => args.Skip(1).Any(a => a is "-h" or "--help");

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"gptbook: {message}");
        Console.Error.WriteLine(Usage);
        return UsageError;
    }
}
