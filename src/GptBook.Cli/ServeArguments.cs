
namespace GptBook.Cli;

/// <summary>The parsed arguments of <c>gptbook serve</c>. Port 0 lets the system choose a free one.</summary>
public sealed record ServeArguments(string BookFile, string OutputDirectory, int Port)
{
    public const int DefaultPort = 8000;

    public static bool TryParse(ReadOnlySpan<string> args, out ServeArguments? result, out string? error)
    {
        result = null;
        string? book = null;
        var output = BuildArguments.DefaultOutput;
        var port = DefaultPort;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = OptionSyntax.Split(args[i]);
            switch (name)
            {
                case "--output" or "-o":
                    if (!OptionSyntax.TakeValue(args, ref i, inlineValue, name, out output, out error)) return false;
                    break;
                case "--port":
                    if (!OptionSyntax.TakeValue(args, ref i, inlineValue, name, out var text, out error)) return false;
                    if (!int.TryParse(text, out port) || port is < 0 or > 65535)
                    {
                        error = $"--port takes a number from 0 to 65535, not '{text}'";
                        return false;
                    }
                    break;
                default:
                    if (!OptionSyntax.TakeBookFile(args[i], name, ref book, out error)) return false;
                    break;
            }
        }
        error = book == null ? OptionSyntax.NoBookFile : null;
        if (error != null) return false;
        result = new ServeArguments(book!, output, port);
        return true;
    }
}
