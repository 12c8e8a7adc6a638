using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Model;

namespace GptBook.Benchmarks.Micro;

/// <summary>The real inputs the micro-benchmarks work on: the article (or a synthetic book made from it), loaded
/// through the real loader, and the bundled fonts.</summary>
public static class ArticleFixture
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static FontSet Fonts => FontSet.Load(Path.Combine(RepositoryRoot, "assets", "fonts"));

    public static (Book Book, BookOptions Options) Load(string bookFile)
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(bookFile, diagnostics) ?? throw new InvalidOperationException($"cannot read {bookFile}");
        return (BookLoader.Load(options, diagnostics), options);
    }

    public static (Book Book, BookOptions Options) Article() => Load(Path.Combine(RepositoryRoot, "content", "book.yml"));

    /// <summary>A synthetic book of <paramref name="chapters"/> chapters (book.yml form), written to a temporary folder.</summary>
    public static (Book Book, BookOptions Options, ImageCatalog Images) Synthetic(int chapters)
    {
        var directory = Path.Combine(Path.GetTempPath(), "gptbook-micro");
        var generated = SyntheticBook.Write(RepositoryRoot, directory, chapters).Single(g => g.BookFile.EndsWith(".yml", StringComparison.Ordinal));
        var (book, options) = Load(generated.BookFile);
        var images = ImageStage.Run(book, options, Path.Combine(directory, ".cache"), new HashSet<ImageProfile> { ImageProfile.Print }, new DiagnosticBag());
        return (book, options, images);
    }

    /// <summary>Every paragraph of the book as plain text, in reading order.</summary>
    public static IReadOnlyList<string> Paragraphs(Book book) =>
        book.AllBlocks().OfType<Paragraph>().Select(p => Inline.PlainText(p.Content)).Where(t => t.Length > 0).ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GptBook.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GptBook.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the micro-benchmarks from inside the repository (GptBook.sln not found)");
    }
}
