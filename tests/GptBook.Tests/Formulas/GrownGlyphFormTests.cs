using GptBook.Tests.Support;
using PdfSharp.Pdf;
using UglyToad.PdfPig.Content;
using PdfSharpReader = PdfSharp.Pdf.IO.PdfReader;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace GptBook.Tests.Formulas;

/// <summary>Grown delimiters are filled outlines: each kept once in the PDF as a form, placed wherever it is used.</summary>
public class GrownGlyphFormTests
{
    [Fact]
    public void A_grown_delimiter_used_on_every_page_is_one_form_in_the_file_drawn_in_black_ink_at_each_use()
    {
        using var book = new TempBookDirectory();
        // Twelve displays whose parentheses grow to the same size around a \dfrac, each on a page of its own.
        var formula = @"$$\left( \dfrac{a_1}{b_1} \right)$$";
        var filler = "这一段是正文，用来把每个公式推到新的一页上。" + string.Concat(Enumerable.Repeat("文字", 300));
        book.Write("chapter.md", "# 括号\n\n" + string.Join("\n\n", Enumerable.Range(1, 12).Select(_ => filler + "\n\n" + formula)) + "\n");
        var (path, diagnostics) = OneChapterPdf.Write(book, "括号");
        Assert.False(diagnostics.HasErrors);

        using (var document = PdfSharpReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            var forms = document.Internals.GetAllObjects().OfType<PdfDictionary>()
                .Where(d => d.Elements.GetName("/Subtype") == "/Form").ToList();
            // The grown ( and ), each once, whatever the number of uses.
            Assert.Equal(2, forms.Count);
        }

        using var pdf = PigDocument.Open(path);
        var pages = pdf.GetPages().Where(p => p.Letters.Any(l => l.Value == "𝑎")).ToList();
        Assert.True(pages.Count >= 6, $"the displays are on {pages.Count} pages");
        foreach (var page in pages)
        {
            var uses = page.Operations.Count(o => o.Operator == "Do");
            Assert.Equal(2 * page.Letters.Count(l => l.Value == "𝑎"), uses);
            // Filled where the formula is: each parenthesis's box spans the fraction's height, beside its letters.
            var a = page.Letters.First(l => l.Value == "𝑎");
            var filled = page.Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
            Assert.Contains(filled, r => r.Right <= a.StartBaseLine.X && r.Right > a.StartBaseLine.X - a.PointSize && r.Height > 1.5 * a.PointSize);
        }
    }
}
