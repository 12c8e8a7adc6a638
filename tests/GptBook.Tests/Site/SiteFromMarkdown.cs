using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Site;

namespace GptBook.Tests.Site;

/// <summary>The real pipeline up to the site: book file → options → loaded book → site images → site folder.</summary>
internal static class SiteFromMarkdown
{
    public static (SitePages Site, DiagnosticBag Diagnostics) Build(string bookFile, string workDirectory, IReadOnlyList<SiteDownload>? downloads = null)
    {
        var diagnostics = new DiagnosticBag();
        var options = bookFile.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? SingleMarkdownOptionsReader.Read(bookFile, diagnostics)
            : BookOptionsReader.Read(bookFile, diagnostics);
        Assert.True(options != null, string.Join("\n", diagnostics.Sorted()));
        var book = BookLoader.Load(options, diagnostics);
        var images = ImageStage.Run(book, options, Path.Combine(workDirectory, "cache"), new HashSet<ImageProfile> { ImageProfile.Site }, diagnostics);
        var output = Path.Combine(workDirectory, "site");
        Assert.True(SiteWriter.Write(book, options, images, downloads ?? [], output, diagnostics), string.Join("\n", diagnostics.Sorted()));
        return (new SitePages(output), diagnostics);
    }
}
