using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Pdf;
using GptBook.Tests.Support;
using UglyToad.PdfPig;

namespace GptBook.Tests.Pdf;

/// <summary>
/// The long mixed Chinese/English/code book in tests/books/print-sample, through the real stages once: it sets
/// without warnings, every footnote lands at the foot of the page that references it, no Han gap passes the cap,
/// and qpdf finds nothing wrong.
/// </summary>
public sealed class PrintSampleBookTests : IClassFixture<PrintSampleBookTests.Built>
{
    private readonly Built _book;

    public PrintSampleBookTests(Built book) => _book = book;

    public sealed class Built
    {
        public Built()
        {
            var directory = System.IO.Path.Combine(PdfOutputFixture.OutputDirectory, "print-sample");
            Directory.CreateDirectory(directory);
            Diagnostics = new DiagnosticBag();
            var options = BookOptionsReader.Read(System.IO.Path.Combine(RepositoryPaths.Root, "tests", "books", "print-sample", "book.yml"), Diagnostics)!;
            Book = BookLoader.Load(options, Diagnostics);
            var images = ImageStage.Run(Book, options, System.IO.Path.Combine(directory, "image-cache"), new HashSet<ImageProfile> { ImageProfile.Print }, Diagnostics);
            Path = System.IO.Path.Combine(directory, "print-sample.pdf");
            Layout = PdfBookWriter.Write(Book, options, images, GptBook.Fonts.FontSet.Load(System.IO.Path.Combine(RepositoryPaths.Root, "assets", "fonts")), Path, Diagnostics);
        }

        public DiagnosticBag Diagnostics { get; }
        public Model.Book Book { get; }
        public string Path { get; }
        public GptBook.Layout.BookLayout Layout { get; }
    }

    [Fact]
    public void The_book_sets_without_warnings()
    {
        Assert.DoesNotContain(_book.Diagnostics.Items, d => d.Severity != DiagnosticSeverity.Info);
        Assert.True(_book.Layout.Pages.Count >= 16);
    }

    [Fact]
    public void Every_footnote_is_on_the_page_of_its_reference()
    {
        using var pdf = PdfDocument.Open(_book.Path);
        var pages = pdf.GetPages().Select(p => p.Text).ToList();
        var checkedNotes = 0;
        foreach (var chapter in _book.Book.Chapters)
            foreach (var note in chapter.Footnotes)
            {
                var start = Model.Inline.PlainText(((Model.Paragraph)note.Blocks[0]).Content)[..8];
                var reference = _book.Layout.Pages.ToList().FindIndex(p => p.Fragments.OfType<GptBook.Layout.TextFragment>().Any(t => t.Run.Style.LinkTarget == "#" + note.Id));
                Assert.True(reference >= 0, $"the reference to {note.Id} is not set");
                Assert.Contains(start, pages[reference], StringComparison.Ordinal);
                checkedNotes++;
            }
        Assert.Equal(4, checkedNotes);
    }

    /// <summary>
    /// Read back from the PDF: in the English paragraph the apostrophe and quotes are Source Serif's, narrow; in the
    /// Chinese paragraph quoting “OpenAI’s” the quotes are Noto Serif SC's, one em wide, and the apostrophe Latin.
    /// </summary>
    [Fact]
    public void Quotes_and_apostrophes_are_chosen_by_script()
    {
        using var pdf = PdfDocument.Open(_book.Path);
        // The text layer has no space glyphs (spacing is positioning), so the letters are matched without spaces.
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        int Find(string needle)
        {
            var at = text.IndexOf(needle, StringComparison.Ordinal);
            Assert.True(at >= 0, needle + " not found");
            return at;
        }
        var english = Find("OpenAI’sreport");
        var apostrophe = letters[english + 6];
        Assert.Equal("’", apostrophe.Value);
        Assert.Contains("Source Serif", apostrophe.FontName, StringComparison.Ordinal);
        Assert.True(apostrophe.Width < 0.4 * apostrophe.PointSize, $"{apostrophe.Width} pt");
        var quote = letters[Find("“exhibits")];
        Assert.Contains("Source Serif", quote.FontName, StringComparison.Ordinal);

        var chinese = Find("（“OpenAI’s”");
        Assert.Contains("Noto Serif SC", letters[chinese + 1].FontName, StringComparison.Ordinal);
        Assert.Contains("Noto Serif SC", letters[chinese + 10].FontName, StringComparison.Ordinal);
        Assert.Contains("Source Serif", letters[chinese + 8].FontName, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Qpdf_check_passes()
    {
        var result = ExternalTool.Run("qpdf", ["--check", _book.Path]);
        Assert.True(result.ExitCode == 0, result.Output);
    }
}
