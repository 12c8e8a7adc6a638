using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Pdf;

namespace GptBook.Tests.Support;

/// <summary>
/// The chapter.md written in a temporary book folder, through the loader, the image stage (print) and the PDF
/// writer into out.pdf: the real stages for a test's few lines of Markdown.
/// </summary>
public static class OneChapterPdf
{
    public static (string Path, DiagnosticBag Diagnostics) Write(TempBookDirectory book, string title)
    {
        var options = new BookOptions
        {
            RootDirectory = book.Root,
            BookFile = book.PathOf("book.yml"),
            Metadata = new BookMetadata("t", title, null, "zh-CN", ["作者"], new DateOnly(2026, 1, 1), null, []),
            Chapters = ["chapter.md"],
        };
        var diagnostics = new DiagnosticBag();
        var loaded = BookLoader.Load(options, diagnostics);
        var images = ImageStage.Run(loaded, options, book.PathOf(".cache"), new HashSet<ImageProfile> { ImageProfile.Print }, diagnostics);
        var path = book.PathOf("out.pdf");
        PdfBookWriter.Write(loaded, options, images, FontSet.Load(Path.Combine(RepositoryPaths.Root, "assets", "fonts")), path, diagnostics);
        return (path, diagnostics);
    }
}
