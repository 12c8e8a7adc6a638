using System.Text.RegularExpressions;
using GptBook.Tests.Support;

namespace GptBook.Tests.Architecture;

/// <summary>
/// References point one way (DESIGN.md): the model depends on nothing; only the reading stages touch Markdig;
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
    [InlineData("YamlDotNet", new[] { "Configuration" })]
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
    public void The_model_depends_only_on_the_base_library()
    {
        var model = Path.Combine(Library, "Model");
        var offenders = Directory.GetFiles(model, "*.cs")
            .SelectMany(f => Usings(f).Select(u => (File: Path.GetFileName(f), Using: u)))
            .Where(x => !x.Using.StartsWith("System", StringComparison.Ordinal) && !x.Using.StartsWith("GptBook.Model", StringComparison.Ordinal))
            .Select(x => $"{x.File}: using {x.Using}")
            .ToArray();
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static IEnumerable<string> Usings(string file) =>
        UsingPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
