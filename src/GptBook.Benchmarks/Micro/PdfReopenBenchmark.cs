using BenchmarkDotNet.Attributes;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Pdf;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// The whole PDF writer on the 10-chapter book (layout, drawing, PDFsharp's one save, and the streams PDFsharp
/// builds while saving deflated in the saved bytes), next to reopening the finished file with PDFsharp's parser and
/// saving it again: what the writer's finishing pass did until it wrote the streams right the first time (the
/// profile of the 80-chapter book had put that pass at about a fifth of the PDF stage).
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
