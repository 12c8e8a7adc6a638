using BenchmarkDotNet.Attributes;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Configuration;

namespace GptBook.Benchmarks.Micro;

/// <summary>Laying out a synthetic 10-chapter book (about 60 A5 pages): boxes, line breaking, pagination and the
/// table-of-contents passes (BookLayoutEngine), without drawing.</summary>
[Config(typeof(MicroConfig))]
public class PaginationBenchmark
{
    private Book _book = null!;
    private BookOptions _options = null!;
    private ImageCatalog _images = null!;
    private FontSet _fonts = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_book, _options, _images) = ArticleFixture.Synthetic(10);
        _fonts = ArticleFixture.Fonts;
    }

    [Benchmark]
    public int LayoutTenChapters()
    {
        var measurer = new FontMetricsMeasurer(_fonts);
        var context = new LayoutContext(_options.Pdf, measurer, new ParagraphLineComposer(new ParagraphComposer(measurer)), _images,
            LanguageLabels.For(_book.Metadata.Language), new DiagnosticBag());
        return new BookLayoutEngine(context).Layout(_book).Pages.Count;
    }
}
