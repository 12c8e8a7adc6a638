using System.Text.RegularExpressions;
using GptBook.Tests.Support;

namespace GptBook.Tests.Architecture;

/// <summary>
/// References point one way (docs/architecture.md): the model depends on nothing but the formula tree; only the reading stages touch Markdig;
/// only the PDF writer touches PDFsharp; only the image stage (and the cover rasterizer that paints pixels)
/// touches ImageSharp; only configuration touches YAML. Checked on the sources, so a stray `using` fails here.
/// </summary>
public partial class LayeringTests
{
    private static readonly string Library = Path.Combine(RepositoryPaths.Root, "src", "GptBook");

    [Theory]
    [InlineData("Markdig", new[] { "Loading", "Normalization" })]
    [InlineData("PdfSharp", new[] { "Pdf" })]
    [InlineData("SixLabors", new[] { "Images", "Epub/Cover" })]
    [InlineData("NetVips", new[] { "Images" })]
    [InlineData("YamlDotNet", new[] { "Configuration" })]
    [InlineData("TextMateSharp", new[] { "Transforms" })]
    [InlineData("AngleSharp", new[] { "Normalization" })]
    public void A_library_is_used_only_by_its_stage(string library, string[] allowedFolders)
    {
        var offenders = SourceFiles()
            .Where(f => Usings(f).Any(u => u == library || u.StartsWith(library + ".", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Library, f).Replace('\\', '/'))
            .Where(f => !allowedFolders.Any(folder => f.StartsWith(folder + "/", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(offenders.Length == 0, $"{library} is used outside {string.Join(", ", allowedFolders)}: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_model_depends_only_on_the_base_library_and_the_formula_tree()
    {
        var model = Path.Combine(Library, "Model");
        var offenders = Directory.GetFiles(model, "*.cs")
            .SelectMany(f => Usings(f).Select(u => (File: Path.GetFileName(f), Using: u)))
            .Where(x => !x.Using.StartsWith("System", StringComparison.Ordinal) && !x.Using.StartsWith("GptBook.Model", StringComparison.Ordinal)
                        && !x.Using.StartsWith("GptBook.Formulas", StringComparison.Ordinal))
            .Select(x => $"{x.File}: using {x.Using}")
            .ToArray();
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    /// <summary>
    /// The stage folders in data-flow order (docs/architecture.md): a folder may use only the folders before it.
    /// A new folder must be placed here, which is the moment to decide where it belongs.
    /// </summary>
    private static readonly string[] Layers =
    [
        "Units", "Policies", "IO", "Formulas", "Model", "Diagnostics", "Sources", "Configuration", "Normalization", "Transforms",
        "Loading", "Fonts", "Images", "Layout", "Pdf", "Html", "Epub", "Site", "Publishing",
    ];

    [Fact]
    public void Every_folder_has_its_place_in_the_layers()
    {
        var folders = Directory.GetDirectories(Library).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order();
        Assert.Equal(Layers.Order(), folders);
    }

    [Fact]
    public void A_folder_uses_only_the_folders_below_it()
    {
        var offenders = new List<string>();
        foreach (var file in SourceFiles())
        {
            var folder = TopFolder(file);
            var rank = Array.IndexOf(Layers, folder);
            var text = File.ReadAllText(file);
            var used = Usings(file).Concat(QualifiedNamePattern().Matches(text).Select(m => m.Groups[1].Value))
                .Where(u => u.StartsWith("GptBook.", StringComparison.Ordinal))
                .Select(u => u.Split('.')[1])
                .Where(Layers.Contains)
                .Distinct();
            foreach (var other in used)
                if (other != folder && Array.IndexOf(Layers, other) > rank)
                    offenders.Add($"{Path.GetRelativePath(Library, file)} uses {other}, which comes after {folder}");
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void A_file_declares_the_namespace_of_its_folder()
    {
        var offenders = SourceFiles()
            .Select(f => (File: f, Namespace: NamespacePattern().Match(File.ReadAllText(f)).Groups[1].Value))
            .Where(x => !x.Namespace.StartsWith("GptBook." + TopFolder(x.File), StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(Library, x.File)}: namespace {x.Namespace}")
            .ToArray();
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    private static string TopFolder(string file) => Path.GetRelativePath(Library, file).Split(Path.DirectorySeparatorChar)[0];

    [GeneratedRegex(@"\b(GptBook\.[A-Z]\w*)\.")]
    private static partial Regex QualifiedNamePattern();

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static IEnumerable<string> Usings(string file) =>
        UsingPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
