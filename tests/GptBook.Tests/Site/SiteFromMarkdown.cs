using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Site;

namespace GptBook.Tests.Site;

/// <summary>The real pipeline up to the site: book file → options → loaded book → site images → site folder.</summary>
internal static class SiteFromMarkdown
{
    /// <param name="withEpub">Also write the EPUB (with the Epub image profile) and offer it, as the publisher does.</param>
    public static (SitePages Site, DiagnosticBag Diagnostics) Build(string bookFile, string workDirectory, IReadOnlyList<SiteDownload>? downloads = null,
        bool withEpub = false)
    {
        var diagnostics = new DiagnosticBag();
        var options = bookFile.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? SingleMarkdownOptionsReader.Read(bookFile, diagnostics)
            : BookOptionsReader.Read(bookFile, diagnostics);
        Assert.True(options != null, string.Join("\n", diagnostics.Sorted()));
        var book = BookLoader.Load(options, diagnostics);
        var images = ImageStage.Run(book, options, Path.Combine(workDirectory, "cache"),
            new HashSet<ImageProfile> { ImageProfile.Site, ImageProfile.Epub }, diagnostics);
        var output = Path.Combine(workDirectory, "site");
        if (withEpub)
        {
            var epub = Path.Combine(workDirectory, book.Metadata.Id + ".epub");
            Assert.True(EpubWriter.Write(book, options, images, epub, diagnostics), string.Join("\n", diagnostics.Sorted()));
            downloads = [.. downloads ?? [], new SiteDownload("EPUB", epub)];
        }
        Assert.True(SiteWriter.Write(book, options, images, downloads ?? [], output, diagnostics), string.Join("\n", diagnostics.Sorted()));
        return (new SitePages(output), diagnostics);
    }
}
