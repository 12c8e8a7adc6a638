
namespace GptBook.Benchmarks;

/// <summary>Arguments of the end-to-end benchmark; defaults suit `dotnet cake --target=Bench` from the repository root.</summary>
public sealed record BenchOptions(string RepositoryRoot, string Cli, string OutputDirectory, IReadOnlyList<int> Sizes, int Runs, bool ComparePandoc, bool CompareTypst)
{
    public static BenchOptions Parse(string[] args)
    {
        var root = Directory.GetCurrentDirectory();
        var cli = CliCommand.DefaultPath(root);
        var output = Path.Combine(root, "output/bench");
        IReadOnlyList<int> sizes = [40, 80];
        var runs = 3;
        var pandoc = true;
        var typst = true;
        var start = args.Length > 0 && args[0] == "e2e" ? 1 : 0;
        for (var i = start; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cli": cli = Path.GetFullPath(args[++i]); break;
                case "--out": output = Path.GetFullPath(args[++i]); break;
                case "--root": root = Path.GetFullPath(args[++i]); break;
                case "--sizes": sizes = args[++i].Split(',').Select(int.Parse).ToArray(); break;
                case "--runs": runs = int.Parse(args[++i]); break;
                case "--no-pandoc": pandoc = false; break;
                case "--no-typst": typst = false; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        return new BenchOptions(root, cli, output, sizes, runs, pandoc, typst);
    }
}
