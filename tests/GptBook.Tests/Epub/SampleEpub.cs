using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Images;
using GptBook.Model;

namespace GptBook.Tests.Epub;

/// <summary>Writes hand-built books as EPUBs into a temporary folder.</summary>
public sealed class SampleEpub : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("gptbook-epub-").FullName;

    public DiagnosticBag Diagnostics { get; } = new();

    public static string Fonts => Path.Combine(AppContext.BaseDirectory, "fonts");

    public BookOptions Options(Book book, EpubOptions? epub = null) => new()
    {
        RootDirectory = Directory,
        BookFile = Path.Combine(Directory, "book.yml"),
        Metadata = book.Metadata,
        Chapters = book.Chapters.Select(c => c.SourceFile).ToArray(),
        Epub = epub ?? new EpubOptions(),
    };

    public string Write(Book book, ImageCatalog? images = null, EpubOptions? epub = null, string name = "book.epub")
    {
        var path = Path.Combine(Directory, name);
        var ok = EpubWriter.Write(book, Options(book, epub), images ?? ImageCatalog.Empty, path, Diagnostics, Fonts);
        Assert.True(ok, string.Join("\n", Diagnostics.Items));
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
