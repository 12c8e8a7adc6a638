using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>The real article through configuration and loading: what issue 2 promises about its model.</summary>
public class ArticleTests
{
    private static (Book Book, DiagnosticBag Diagnostics) LoadArticle()
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics);
        Assert.NotNull(options);
        return (BookLoader.Load(options, diagnostics), diagnostics);
    }

    [Fact]
    public void Article_model_matches_its_golden_dump()
    {
        var (book, diagnostics) = LoadArticle();
        GoldenFile.Verify("model/article.txt", ModelFixture.Dump(book, diagnostics));
    }
}
