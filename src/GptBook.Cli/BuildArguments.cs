using GptBook.Publishing;

namespace GptBook.Cli;

/// <summary>The parsed arguments of <c>gptbook build</c>.</summary>
/// <param name="ReportFile">Where to write a JSON report of stage times, peak memory and outputs (for the benchmark).</param>
/// <param name="Force">Rebuild even when nothing changed since the last build.</param>
public sealed record BuildArguments(string BookFile, string OutputDirectory, OutputFormats Formats, bool Strict, string? ReportFile = null, bool Force = false)
{
    public const string DefaultOutput = "output";

    public static bool TryParse(ReadOnlySpan<string> args, out BuildArguments? result, out string? error)
    {
        result = null;
        string? book = null;
        var output = DefaultOutput;
        var formats = OutputFormats.All;
        var strict = false;
        string? report = null;
        var force = false;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = OptionSyntax.Split(args[i]);
            switch (name)
            {
                case "--output" or "-o":
                    if (!OptionSyntax.TakeValue(args, ref i, inlineValue, name, out output, out error)) return false;
                    break;
                case "--format" or "-f":
                    if (!OptionSyntax.TakeValue(args, ref i, inlineValue, name, out var list, out error)) return false;
                    if (!TryParseFormats(list, out formats, out error)) return false;
                    break;
                case "--report":
                    if (!OptionSyntax.TakeValue(args, ref i, inlineValue, name, out var reportPath, out error)) return false;
                    report = reportPath;
                    break;
                case "--force":
                    force = true;
                    break;
                case "--strict":
                    if (!OptionSyntax.TryParseBool(inlineValue ?? "true", out strict))
                    {
                        error = $"--strict takes true or false, not '{inlineValue}'";
                        return false;
                    }
                    break;
                default:
                    if (!OptionSyntax.TakeBookFile(args[i], name, ref book, out error)) return false;
                    break;
            }
        }
        if (book == null)
        {
            error = OptionSyntax.NoBookFile;
            return false;
        }
        error = null;
        result = new BuildArguments(book, output, formats, strict, report, force);
        return true;
    }

    private static bool TryParseFormats(string list, out OutputFormats formats, out string? error)
    {
        formats = OutputFormats.None;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "epub": formats |= OutputFormats.Epub; break;
                case "pdf": formats |= OutputFormats.Pdf; break;
                case "site": formats |= OutputFormats.Site; break;
                case "all": formats |= OutputFormats.All; break;
                default:
                    error = $"unknown format '{part}' (expected epub, pdf, site)";
                    return false;
            }
        }
        error = formats == OutputFormats.None ? "--format needs at least one of epub, pdf, site" : null;
        return error == null;
    }
}
