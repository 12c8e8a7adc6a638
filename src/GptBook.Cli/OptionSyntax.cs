
namespace GptBook.Cli;

/// <summary>The option forms every command accepts: <c>--name value</c> and <c>--name=value</c>.</summary>
internal static class OptionSyntax
{
    public static (string Name, string? InlineValue) Split(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal)) return (arg, null);
        var eq = arg.IndexOf('=');
        return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
    }

    public static bool TakeValue(ReadOnlySpan<string> args, ref int i, string? inlineValue, string name, out string value, out string? error)
    {
        if (inlineValue != null)
        {
            value = inlineValue;
            error = null;
            return true;
        }
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            value = "";
            error = $"{name} needs a value";
            return false;
        }
        value = args[++i];
        error = null;
        return true;
    }

    /// <summary>
    /// An argument no option claimed: the book file, if it is the first one and not an unknown option.
    /// </summary>
    public static bool TakeBookFile(string arg, string name, ref string? book, out string? error)
    {
        error = name.StartsWith('-') ? $"unknown option '{name}'"
            : book != null ? $"only one book file may be given ('{book}', then '{name}')"
            : null;
        if (error != null) return false;
        book = arg;
        return true;
    }

    public const string NoBookFile = "no book file given (a book.yml or a single .md file)";

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "1" or "yes": value = true; return true;
            case "false" or "0" or "no": value = false; return true;
            default: value = false; return false;
        }
    }
}
