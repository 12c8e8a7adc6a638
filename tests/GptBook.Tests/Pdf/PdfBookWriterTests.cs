using UglyToad.PdfPig;

namespace GptBook.Tests.Pdf;

public sealed class PdfBookWriterTests(PdfOutputFixture output) : IClassFixture<PdfOutputFixture>
{
    [Fact]
    public void Article_page_count_matches_the_layout()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        Assert.Equal(output.Article.Layout.Pages.Count, pdf.NumberOfPages);
        Assert.True(pdf.NumberOfPages >= 6, $"only {pdf.NumberOfPages} pages");
    }
}
