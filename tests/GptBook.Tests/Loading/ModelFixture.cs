using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>
/// Loads the small fixture chapters under fixtures/model/content (root: fixtures/model). A chapter may have a
/// book.yml of its own beside it (name.yml) for links and figure overrides; otherwise default options are used.
/// The result is the model dump followed by the sorted diagnostics, the text the golden files hold.
/// </summary>
public static class ModelFixture
{
    public static string Root => Path.Combine(RepositoryPaths.Fixtures, "model");

    public static (Book Book, DiagnosticBag Diagnostics) Load(string name)
    {
        var diagnostics = new DiagnosticBag();
        var yml = Path.Combine(Root, "content", name + ".yml");
        var options = File.Exists(yml)
            ? BookOptionsReader.Read(yml, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items))
            : new BookOptions
            {
                RootDirectory = Root,
                BookFile = Path.Combine(Root, "content", name + ".md"),
                Metadata = new BookMetadata(name, name, null, "zh-CN", [], new DateOnly(2026, 1, 1), null, []),
                Chapters = ["content/" + name + ".md"],
            };
        return (BookLoader.Load(options, diagnostics), diagnostics);
    }

    public static string Dump(Book book, DiagnosticBag diagnostics) =>
        ModelTextDump.Dump(book) + "Diagnostics\n" + string.Concat(diagnostics.Sorted().Select(d => "  " + d + "\n"));
}
