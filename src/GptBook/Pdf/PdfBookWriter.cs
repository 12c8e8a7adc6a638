using System.Globalization;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Layout.Text;
using GptBook.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;
using GptBook.IO;

namespace GptBook.Pdf;

/// <summary>
/// Writes the print PDF: lays the book out (see <see cref="BookLayoutEngine"/>), draws the pages with PDFsharp,
/// adds outline, links, page labels, metadata and the structure tree (tagged PDF), and writes the file through a
/// temporary sibling. The same input gives the same bytes: dates are the options' build time (SOURCE_DATE_EPOCH or the book's date),
/// and every random value PDFsharp would write is replaced, in one save (see <see cref="PdfStreamFinisher"/>).
/// </summary>
public static class PdfBookWriter
{
    /// <summary>
    /// Lays out and writes <paramref name="book"/> to <paramref name="outputPath"/> (through a temporary sibling).
    /// Returns the layout; when the page setup leaves no room for text it reports GB0304, writes nothing and
    /// returns a layout without pages. <paramref name="laidOut"/> is told the layout as soon as it is done, before
    /// the pages are rendered, so that a caller can use it (the EPUB's page list) while the PDF is still being written.
    /// </summary>
    public static BookLayout Write(Book book, BookOptions options, ImageCatalog images, FontSet fonts, string outputPath, DiagnosticBag diagnostics,
        Action<BookLayout>? laidOut = null)
    {
        var geometry = PageGeometry.From(options.Pdf);
        if (!geometry.IsUsable)
        {
            diagnostics.Report(DiagnosticCodes.PageTooSmall, new SourceSpan(options.BookFile, 0, 0),
                $"a {geometry.TrimWidth.Millimetres:0}×{geometry.TrimHeight.Millimetres:0} mm page with these margins leaves a type area of " +
                $"{geometry.TextWidth.Millimetres:0}×{geometry.TextHeight.Millimetres:0} mm; the PDF was not written");
            return new BookLayout(geometry, [], [], 0, new Dictionary<string, AnchorLocation>());
        }
        var measurer = new FontMetricsMeasurer(fonts);
        var context = new LayoutContext(options.Pdf, measurer, new ParagraphLineComposer(new ParagraphComposer(measurer)), images,
            LanguageLabels.For(book.Metadata.Language), diagnostics);
        var layout = new BookLayoutEngine(context).Layout(book);
        laidOut?.Invoke(layout);
        var date = options.BuildTime;
        var bytes = Render(layout, book.Metadata, fonts, measurer, date,
            (path, reason) => diagnostics.Report(DiagnosticCodes.ImageNotEmbedded, SourceSpan.None, $"{path}: {reason}; a placeholder box was drawn"));
        AtomicFile.WriteAllBytes(outputPath, bytes);
        return layout;
    }

    /// <summary>
    /// Loads the whole bundled faces into PDFsharp, as it loaded them before <see cref="SubsetFaces"/>: the
    /// benchmarks measure that cost and compare PDFsharp's text measurement with ours. Safe to call from any thread.
    /// </summary>
    public static void PrepareFonts(FontSet fonts)
    {
        BundledFontResolver.Register(fonts);
        PdfPageRenderer.LoadFaces();
    }

    /// <summary>
    /// Reads and parses the faces every PDF sets text in, whatever the book: Noto Serif SC Regular (the body, the
    /// cover's subtitle) and Noto Sans SC Bold (the cover's title). <see cref="FontSet"/> reads a face once per
    /// process, whoever asks first, so calling this on another thread before <see cref="Write"/> moves that reading off
    /// the layout's path. A face that fails to load fails again, with the same error, when the layout asks for it.
    /// </summary>
    public static void ReadCoverFaces(FontSet fonts)
    {
        fonts.Font(FontRole.SerifRegular);
        fonts.Font(FontRole.SansBold);
    }

    internal static byte[] Render(BookLayout layout, BookMetadata metadata, FontSet fonts, ITextMeasurer measurer, DateTimeOffset date,
        Action<string, string> imageFailed, Action<FontRole, string>? wholeFace = null)
    {
        BundledFontResolver.Register(fonts);
        var pdfDate = "D:" + date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'";
        using (var document = new PdfDocument())
        {
            document.Options.NoCompression = true;
            document.Options.CompressContentStreams = false;
            // PDFsharp writes colours as rg/RG (DeviceRGB) unless the document is in CMYK mode; then as k/K.
            document.Options.ColorMode = PdfColorMode.Cmyk;
            var drawings = new PreparedDrawings(measurer, imageFailed);
            var (characters, outlineGlyphs) = DrawnCharacters.Collect(layout, drawings);
            // The faces the layout set formulas and emoji with: the measurer's, or the bundled ones under a test's fake measurer.
            var objectFonts = (measurer as FontMetricsMeasurer)?.Fonts ?? FontSet.Bundled();
            // Before the accessibility manager exists: it takes any drawing for a page's, and refuses a form's.
            var outlines = GlyphOutlineFiller.Draw(document, objectFonts, outlineGlyphs);
            var ua = UAManager.ForDocument(document);
            ua.SetDocumentLanguage(metadata.Language);
            var illustrations = new IllustrationElementWriter();
            var tags = new StructureTagWriter(ua.StructureBuilder, illustrations, new FormulaStructureTagger(document, ua, illustrations));
            var links = new List<(PdfLinkAnnotation, string)>();
            var g = layout.Geometry;
            var parentTree = new ParentTreeStash(document);
            var registration = new RegistrationMarkWriter(document);
            var faces = new SubsetFaces(fonts, characters, wholeFace);
            IReadOnlySet<PdfDictionary> deflated;
            using (var renderer = new PdfPageRenderer(measurer, faces, drawings, objectFonts, outlines, tags, links, imageFailed))
            {
                foreach (var page in layout.Pages)
                {
                    parentTree.SetAsideFinishedPages();
                    var pdfPage = document.AddPage();
                    pdfPage.Width = XUnit.FromPoint(g.MediaWidth.Points);
                    pdfPage.Height = XUnit.FromPoint(g.MediaHeight.Points);
                    pdfPage.TrimBox = PdfBox(g.TrimBox, g);
                    pdfPage.BleedBox = PdfBox(g.BleedBox, g);
                    using (var gfx = XGraphics.FromPdfPage(pdfPage))
                        renderer.Render(page, pdfPage, gfx, g.MediaHeight);
                    renderer.FinishPage(pdfPage);
                    registration.Append(pdfPage, page.Fragments.OfType<CropMarkFragment>(), g.MediaHeight);
                }
                deflated = renderer.Complete();
                tags.CloseAll();
            }
            parentTree.Restore();
            PdfNavigationWriter.WriteOutline(document, layout);
            PdfNavigationWriter.ResolveLinks(document, layout, links);
            PdfNavigationWriter.WritePageLabels(document, layout);
            document.PageLayout = PdfPageLayout.TwoPageRight;
            ApplyMetadata(document, metadata, pdfDate);
            var seed = string.Join("\n", metadata.Id, metadata.Title, metadata.Language, pdfDate, layout.Pages.Count.ToString(CultureInfo.InvariantCulture));
            var id = PdfStreamFinisher.BeforeSave(document, seed, pdfDate, deflated);
            illustrations.SetAside();
            using var saved = new MemoryStream();
            document.Save(saved, closeStream: false);
            return PdfStreamFinisher.AfterSave(saved.ToArray(), document, XmpPacket.Build(metadata, date, id, Producer), illustrations.Objects());
        }
    }

    /// <summary>PDFsharp prefixes any other producer with its own name and version; this one it keeps.</summary>
    private const string Producer = "PDFsharp 6.2.4 (GptBook)";

    private static void ApplyMetadata(PdfDocument document, BookMetadata metadata, string pdfDate)
    {
        var info = document.Info;
        info.Title = metadata.Title;
        info.Author = string.Join(", ", metadata.Authors);
        info.Subject = metadata.Description ?? metadata.Subtitle ?? "";
        info.Keywords = string.Join(", ", metadata.Keywords);
        info.Creator = "GptBook";
        info.Elements.SetString("/Producer", Producer);
        info.Elements.SetString("/GTS_PDFXVersion", PdfXConformance.Version);
        info.Elements.SetName("/Trapped", "/False");
        info.Elements["/CreationDate"] = new PdfString(pdfDate);
        info.Elements["/ModDate"] = new PdfString(pdfDate);
        document.Internals.Catalog.Elements.SetString("/Lang", metadata.Language);
    }

    private static PdfRectangle PdfBox(Rect r, PageGeometry g) =>
        new(new XPoint(r.X.Points, (g.MediaHeight - r.Bottom).Points), new XPoint(r.Right.Points, (g.MediaHeight - r.Y).Points));
}
