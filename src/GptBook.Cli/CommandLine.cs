
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
               gptbook --help | --version

          build    render the book into DIR (default: output/): <id>.epub, <id>.pdf and site/
          serve    build the site, serve DIR/site on 127.0.0.1, and rebuild when the content changes
          --strict treat warnings as errors
          --force  rebuild even if nothing changed since the last build in DIR
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0)
            return Fail("no command given");
        switch (args[0])
        {
            case "-h" or "--help" or "help":
                Console.Out.WriteLine(Usage);
                return Success;
            case "--version":
                Console.Out.WriteLine(typeof(CommandLine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
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

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"gptbook: {message}");
        Console.Error.WriteLine(Usage);
        return UsageError;
    }
}
