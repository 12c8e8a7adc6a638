using BenchmarkDotNet.Attributes;
using GptBook.Fonts;
using GptBook.Pdf;
using PdfSharp.Drawing;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// What PDFsharp pays for a face before it draws a glyph, the largest single cost of the article's PDF in the
/// profile: it checksums every byte of the file it is given to key its font-source cache (and once more for the
/// face when it first reads it), so Noto Serif SC's 14.8 MB cost the same whether a book uses 500 of its glyphs or
/// all of them. Next to it, our own reader parsing the same file (what the layout measures with), for scale.
/// A face cut to a book's glyphs cannot be measured beside the full one in one process: PDFsharp keys its cache by
/// the face's name and refuses a second file of the same name.
/// </summary>
[Config(typeof(MicroConfig))]
public class PdfFaceLoadingBenchmark
{
    private byte[] _face = [];

    [GlobalSetup]
    public void Setup()
    {
        _face = File.ReadAllBytes(Path.Combine(ArticleFixture.RepositoryRoot, "assets", "fonts", FontSet.FileName(FontRole.SerifRegular)));
        // The writer's own resolver first (PDFsharp allows no other once a face is loaded); it parses the face, so
        // each call below only checksums it and finds it in the cache.
        PdfBookWriter.PrepareFonts(ArticleFixture.Fonts);
    }

    /// <summary>The checksum and cache look-up PDFsharp does for every face it is handed.</summary>
    [Benchmark(Baseline = true)]
    public XFontSource PdfSharpChecksumsTheFace() => XFontSource.GetOrCreateFrom(_face);

    [Benchmark]
    public int OurReaderParsesTheFace() => TrueTypeFont.Parse(_face, "NotoSerifSC-Regular.ttf").GlyphId('中');
}
