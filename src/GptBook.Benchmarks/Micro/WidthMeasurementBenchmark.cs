using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// Width of every paragraph of the article at 10.5 pt: GptBook's measurer over its cached font tables against
/// PDFsharp's XGraphics.MeasureString with the same face (the baseline), which is what a writer built on PDFsharp
/// alone would do.
/// </summary>
[Config(typeof(MicroConfig))]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet owns the instance and calls [GlobalCleanup], which disposes them.")]
public class WidthMeasurementBenchmark
{
    private IReadOnlyList<string> _paragraphs = [];
    private FontMetricsMeasurer _measurer = null!;
    private PdfDocument _document = null!;
    private XGraphics _graphics = null!;
    private XFont _font = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fonts = ArticleFixture.Fonts;
        _paragraphs = ArticleFixture.Paragraphs(ArticleFixture.Article().Book);
        _measurer = new FontMetricsMeasurer(fonts);
        PdfBookWriter.PrepareFonts(fonts); // the writer's own resolver, serving the bundled faces
        _document = new PdfDocument();
        _graphics = XGraphics.FromPdfPage(_document.AddPage());
        _font = new XFont(FontSet.FaceName(FontRole.SerifRegular), 10.5);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _graphics.Dispose();
        _document.Dispose();
    }

    [Benchmark]
    public double FontMetricsMeasurer()
    {
        double total = 0;
        foreach (var text in _paragraphs)
            foreach (var rune in text.EnumerateRunes())
            {
                var face = _measurer.ResolveFace(FontRole.SerifRegular, rune.Value);
                total += _measurer.Advance(face, rune.Value) * 10.5;
            }
        return total;
    }

    [Benchmark(Baseline = true)]
    public double PdfSharpMeasureString()
    {
        double total = 0;
        foreach (var text in _paragraphs)
            total += _graphics.MeasureString(text, _font).Width;
        return total;
    }
}
