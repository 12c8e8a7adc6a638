using BenchmarkDotNet.Attributes;
using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GptBook.Benchmarks.Micro;

/// <summary>
/// Saving a PDF that uses the bundled CJK faces: PDFsharp subsets each face to the glyphs drawn (the article's
/// text in the serif and its bold, a code line in the monospace face), which is what every PDF build pays for.
/// </summary>
[Config(typeof(MicroConfig))]
public class FontSubsettingBenchmark
{
    private IReadOnlyList<string> _paragraphs = [];

    [GlobalSetup]
    public void Setup()
    {
        PdfBookWriter.PrepareFonts(ArticleFixture.Fonts); // the writer's own resolver, serving the bundled faces
        _paragraphs = ArticleFixture.Paragraphs(ArticleFixture.Article().Book);
    }

    [Benchmark]
    public long SaveWithSubsetFonts()
    {
        using var document = new PdfDocument();
        var regular = new XFont(FontSet.FaceName(FontRole.SerifRegular), 10.5);
        var bold = new XFont(FontSet.FaceName(FontRole.SerifBold), 10.5);
        var mono = new XFont(FontSet.FaceName(FontRole.Mono), 9);
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = 20.0;
            foreach (var text in _paragraphs)
            {
                // One line per paragraph is enough: subsetting cost depends on the glyphs used, not on where they sit.
                gfx.DrawString(text, y % 60 < 20 ? bold : regular, XBrushes.Black, new XPoint(20, y % 500 + 20));
                y += 12;
            }
            gfx.DrawString("var x = 42; // 代码", mono, XBrushes.Black, new XPoint(20, 560));
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.Length;
    }
}
