using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Model;

namespace GptBook.Tests.Support;

/// <summary>A book file (book.yml or one Markdown file) read and loaded as a build loads it, with what was reported.</summary>
internal static class LoadedBook
{
    public static (Book Book, DiagnosticBag Diagnostics) From(string bookFile)
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(bookFile, diagnostics);
        Assert.NotNull(options);
        return (BookLoader.Load(options, diagnostics), diagnostics);
    }
}
