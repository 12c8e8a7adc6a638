using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Model;
using GptBook.Pdf;
using GptBook.Tests.Support;

namespace GptBook.Tests.Pdf;

/// <summary>Writes the sample books once per test run (layout and PDF writing take a few seconds each).</summary>
public sealed class PdfOutputFixture
{
    public PdfOutputFixture()
    {
        Directory.CreateDirectory(OutputDirectory);
        Fonts = FontSet.Load(Path.Combine(RepositoryPaths.Root, "assets", "fonts"));
        Article = Write(SampleBooks.Article(), "article.pdf");
        Constructs = Write(SampleBooks.Constructs(), "constructs.pdf");
    }

    public static string OutputDirectory { get; } = Path.Combine(Path.GetTempPath(), "gptbook-pdf-tests");

    public FontSet Fonts { get; }
    public Output Article { get; }
    public Output Constructs { get; }

    public Output Write(Book book, string name, PdfOptions? pdf = null)
    {
        var options = new BookOptions
        {
            RootDirectory = RepositoryPaths.Root,
            BookFile = RepositoryPaths.BookYml,
            Metadata = book.Metadata,
            Chapters = book.Chapters.Select(c => c.SourceFile).ToList(),
            Pdf = pdf ?? new PdfOptions(),
        };
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(OutputDirectory, name);
        var layout = PdfBookWriter.Write(book, options, ImageCatalog.Empty, Fonts, path, diagnostics);
        return new Output(book, path, layout, diagnostics);
    }

    public sealed record Output(Book Book, string Path, BookLayout Layout, DiagnosticBag Diagnostics);
}
