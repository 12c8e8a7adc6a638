using BenchmarkDotNet.Attributes;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Pdf;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// The whole PDF writer on the 10-chapter book (layout, drawing, PDFsharp's save, and the finishing pass that reopens
/// the saved file with PDFsharp's parser and saves it again), next to that reopen-and-save alone on the finished
/// file: the share of the PDF stage a writer that wrote the streams right the first time would save (the profile
/// of the 80-chapter book puts it at about a third of the stage).
/// </summary>
[Config(typeof(MicroConfig))]
public class PdfReopenBenchmark
{
    private (Model.Book Book, Configuration.BookOptions Options, ImageCatalog Images) _book;
    private Fonts.FontSet _fonts = null!;
    private string _pdf = "";
    private byte[] _written = [];

    [GlobalSetup]
    public void Setup()
    {
        _book = ArticleFixture.Synthetic(10);
        _fonts = ArticleFixture.Fonts;
        PdfBookWriter.PrepareFonts(_fonts);
        _pdf = Path.Combine(Path.GetTempPath(), "gptbook-micro", "reopen.pdf");
        WritePdf();
        _written = File.ReadAllBytes(_pdf);
    }

    [Benchmark(Baseline = true)]
    public int WritePdf() =>
        PdfBookWriter.Write(_book.Book, _book.Options, _book.Images, _fonts, _pdf, new DiagnosticBag()).Pages.Count;

    [Benchmark]
    public long ReopenAndSave()
    {
        using var input = new MemoryStream(_written, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.Length;
    }
}
