namespace GptBook.Cli;

/// <summary>Entry point: parses arguments and runs a command. Exit codes: 0 built, 1 content errors, 2 usage.</summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("usage: gptbook build <book.yml|file.md> [--output DIR] [--format epub,pdf,site] [--strict]");
        return 2;
    }
}
