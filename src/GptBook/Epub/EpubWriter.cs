using System.Xml;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub.Cover;
using GptBook.Epub.MathImages;
using GptBook.Fonts;
using GptBook.Html;
using GptBook.Images;
using GptBook.Model;
using GptBook.IO;

namespace GptBook.Epub;

/// <summary>
/// Writes the book as an EPUB 3 package: the chunked content pages, cover, nav.xhtml (with landmarks, and a page
/// list when the print edition's page map is given), toc.ncx, the stylesheet, the prepared images, and the OPF,
/// zipped deterministically and moved over <c>outputPath</c> only when complete. Problems are reported into the
/// diagnostics; the method never throws for bad content or a failed write, and a failed write leaves any previous
/// file untouched.
/// </summary>
public static class EpubWriter
{
    private const string CoverImageId = "cover-image";

    /// <returns>True when the EPUB was written.</returns>
    /// <param name="fontsDirectory">The bundled fonts for drawing a cover; by default the fonts/ folder beside the library.</param>
    /// <param name="cache">Where a drawn cover is kept between builds (it depends only on the metadata and the fonts); none by default.</param>
    /// <param name="pageMap">Where the print edition's pages begin (from the PDF's layout in the same build); none: no page list.</param>
    public static bool Write(Book book, BookOptions options, ImageCatalog images, string outputPath, DiagnosticBag diagnostics, string? fontsDirectory = null,
        DerivedFileCache? cache = null, PrintPageMap? pageMap = null)
    {
        try
        {
            var entries = Assemble(book, options, images, diagnostics, fontsDirectory, cache ?? DerivedFileCache.None, pageMap ?? PrintPageMap.None);
            var timestamp = options.BuildTime;
            AtomicFile.Write(outputPath, stream => EpubZipWriter.Write(stream, entries, timestamp));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException or ArgumentException)
        {
            // ArgumentException: XmlWriter refuses characters XML cannot hold. Content text is cleaned before it gets
            // there (GB0408); this catches whatever else might carry one, so the build still ends with a diagnostic.
            diagnostics.Report(DiagnosticCodes.EpubNotWritten, new SourceSpan(options.BookFile, 0, 0), $"{outputPath}: {e.Message}");
            return false;
        }
    }

    /// <summary>Every file of the package except mimetype, by its path in the zip.</summary>
    internal static IReadOnlyDictionary<string, byte[]> Assemble(Book book, BookOptions options, ImageCatalog images, DiagnosticBag diagnostics, string? fontsDirectory,
        DerivedFileCache cache, PrintPageMap pageMap)
    {
        var metadata = book.Metadata;
        var language = metadata.Language;
        var labels = LanguageLabels.For(language);
        var identifier = BookIdentifier.Urn(metadata.Id);
        var chunked = BookChunker.Split(book, options.Epub.SplitLevel);
        var packageImages = new PackageImages();
        var resolver = new CatalogImageResolver(images, ImageProfile.Epub, packageImages.Add, diagnostics);
        // Formulas as pictures (for Kindle) are drawn from the bundled math face, like the PDF's.
        var formulaPictures = options.Epub.Math == EpubMathFormat.Images ? new FormulaPictureSet(Fonts(fontsDirectory), options.Pdf.FontSize.Points) : null;
        var content = new XhtmlContentWriter(new HtmlContentContext(chunked, labels, HtmlFlavor.Epub, resolver.Resolve, diagnostics)
        {
            PageMap = pageMap,
            FormulaPictures = formulaPictures,
        });

        var pages = chunked.Chunks
            .Select(chunk =>
            {
                var xhtml = ChapterPageWriter.Write(chunk, language, content);
                return new PackageItem(chunk.Name, chunk.FileName, "application/xhtml+xml", PageProperties(xhtml), xhtml);
            })
            .ToArray();
        var toc = TableOfContents.Build(chunked, options.Epub.TocDepth);

        var cover = CoverImage(book, options, images, packageImages, diagnostics, fontsDirectory, cache);
        var coverPage = new PackageItem("cover", EpubLayout.CoverPage, "application/xhtml+xml", null,
            CoverPageWriter.Write(metadata, labels, cover?.Href));
        var printedPages = PageListEntries(chunked, pageMap);
        var navXhtml = NavigationDocumentWriter.Write(metadata, labels, toc, chunked.Chunks[0], content, printedPages);
        // A heading with a formula brings it into the contents, so the navigation document may hold MathML too.
        var nav = new PackageItem("nav", EpubLayout.NavFile, "application/xhtml+xml", HasMathMl(navXhtml) ? "nav mathml" : "nav", navXhtml);
        var ncx = new PackageItem("ncx", EpubLayout.NcxFile, "application/x-dtbncx+xml", null, NcxWriter.Write(metadata, identifier, toc));
        var css = new PackageItem("css", EpubLayout.Stylesheet, "text/css", null, EpubStylesheet.Bytes());

        var manifest = new List<PackageItem> { coverPage, nav, ncx, css };
        manifest.AddRange(pages);
        manifest.AddRange(packageImages.Items);
        if (formulaPictures != null) manifest.AddRange(formulaPictures.Items);
        var spine = new[] { coverPage.Id, nav.Id }.Concat(pages.Select(p => p.Id)).ToArray();
        var modified = options.BuildTime;
        var guide = new List<GuideReference> { new("cover", labels.Cover, EpubLayout.CoverPage), new("toc", labels.TableOfContents, EpubLayout.NavFile) };
        guide.Add(new GuideReference("text", chunked.Chunks[0].Title, chunked.Chunks[0].FileName));
        var animated = packageImages.Items.Any(i => i.MediaType == "image/gif" && ImageMediaTypes.IsAnimatedGif(i.Content));
        var extras = new PackageExtras(AccessibilityMetadata.Of(book, printedPages.Count > 0, animated, formulaPictures?.Formulas ?? 0), guide,
            printedPages.Count > 0 ? BookIdentifier.PrintUrn(metadata.Id) : null);
        var opf = PackageDocumentWriter.Write(metadata, identifier, modified, manifest, spine, ncx.Id, cover?.Id, extras);

        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["META-INF/container.xml"] = ContainerWriter.Write(),
            [EpubLayout.ContentFolder + "/" + EpubLayout.PackageFile] = opf,
        };
        foreach (var item in manifest) entries[EpubLayout.ContentFolder + "/" + item.Href] = item.Content;
        return entries;
    }

    /// <summary>
    /// The page list: each printed page whose start is in a chunk, labelled with its folio and pointing at the
    /// marker the content writer put there (blocks are found by reference, as the layout reported them).
    /// </summary>
    private static IReadOnlyList<(string Label, string Href)> PageListEntries(ChunkedBook chunked, PrintPageMap pageMap)
    {
        if (pageMap.IsEmpty) return [];
        var home = new Dictionary<Block, Chunk>(ReferenceEqualityComparer.Instance);
        foreach (var chunk in chunked.Chunks)
            foreach (var block in chunk.Blocks.Concat(chunk.Footnotes.SelectMany(f => f.Blocks)).SelectMany(b => b.DescendantsAndSelf()))
                home.TryAdd(block, chunk);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return pageMap.Pages
            .Where(p => home.ContainsKey(p.Position.Block) && seen.Add(p.Label))
            .Select(p => (p.Label, home[p.Position.Block].FileName + "#" + XhtmlContentWriter.PageBreakId(p.Label)))
            .ToArray();
    }

    /// <summary>Whether a page embeds an SVG figure (the package must say so: manifest property <c>svg</c>).</summary>
    private static bool EmbedsSvg(byte[] xhtml) =>
        xhtml.AsSpan().IndexOf("xmlns=\"http://www.w3.org/2000/svg\""u8) >= 0;

    /// <summary>A page that holds formulas is declared <c>mathml</c> (EPUB 3 requires it of pages with MathML).</summary>
    private static bool HasMathMl(byte[] xhtml) =>
        xhtml.AsSpan().IndexOf("xmlns=\"http://www.w3.org/1998/Math/MathML\""u8) >= 0;

    /// <summary>The manifest properties of a content page: <c>mathml</c> and <c>svg</c> for what it holds.</summary>
    private static string? PageProperties(byte[] xhtml)
    {
        var properties = new List<string>();
        if (HasMathMl(xhtml)) properties.Add("mathml");
        if (EmbedsSvg(xhtml)) properties.Add("svg");
        return properties.Count == 0 ? null : string.Join(' ', properties);
    }

    /// <summary>
    /// The configured cover as the image stage prepared it for the EPUB (sanitized if SVG, within the pixel limit,
    /// without metadata), else one drawn from the title; null if neither works. The configured file itself is
    /// never read here: a cover the stage could not use (it said why, at book.yml) is replaced by the drawn one.
    /// </summary>
    private static PackageItem? CoverImage(Book book, BookOptions options, ImageCatalog images, PackageImages packageImages, DiagnosticBag diagnostics, string? fontsDirectory,
        DerivedFileCache cache)
    {
        if (options.Epub.Cover is { Length: > 0 } configured)
        {
            if (images.Find(configured, ImageProfile.Epub) is { IsPlaceholder: false } prepared && File.Exists(prepared.Path))
                return packageImages.AddGenerated(CoverImageId, EpubLayout.ImagesFolder + "cover" + ImageMediaTypes.Extension(prepared.MediaType),
                    prepared.MediaType, File.ReadAllBytes(prepared.Path), "cover-image");
            diagnostics.Report(DiagnosticCodes.CoverMissing, new SourceSpan(options.BookFile, 0, 0),
                $"cover image '{configured}' could not be used (not found inside the book root, or not a usable image); a cover is drawn from the title instead");
        }

        try
        {
            var png = DrawnCover.Png(book.Metadata, Fonts(fontsDirectory), cache);
            return packageImages.AddGenerated(CoverImageId, EpubLayout.ImagesFolder + "cover.png", "image/png", png, "cover-image");
        }
        catch (Exception e) when (e is IOException or FontFormatException)
        {
            diagnostics.Report(DiagnosticCodes.CoverNotDrawn, new SourceSpan(options.BookFile, 0, 0), $"no cover picture: {e.Message}");
            return null;
        }
    }

    private static FontSet Fonts(string? fontsDirectory) => fontsDirectory == null ? FontSet.Bundled() : FontSet.Load(fontsDirectory);
}
