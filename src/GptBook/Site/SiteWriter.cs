using System.Text;
using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Site.WebFonts;
using GptBook.Html;
using GptBook.Images;
using GptBook.Model;
using GptBook.IO;

namespace GptBook.Site;

/// <summary>
/// Writes the static site: index.html (cover, metadata, downloads, contents), one page per chunk (the same
/// chunking and the same content writer as the EPUB, in its HTML5 flavor), 404.html, the stylesheet, the prepared
/// images and the downloadable files, and with a base URL sitemap.xml and robots.txt. No external resource, no script. The whole folder is built next to the target and
/// swapped in only when complete, so a failed build keeps the previous site. Same input, same bytes.
/// </summary>
public static class SiteWriter
{
    public const string IndexFile = "index.html";
    public const string PageExtension = ".html";

    /// <param name="book">The book after all model transforms (ids, figure numbers, footnotes).</param>
    /// <param name="options">The book's options: chunking (Epub.SplitLevel), TOC depth, page titles.</param>
    /// <param name="images">Prepared images; the site uses the <see cref="ImageProfile.Site"/> entries.</param>
    /// <param name="downloads">Built files to offer; those whose file does not exist are left out.</param>
    /// <param name="outputDirectory">The site folder (for example output/site); replaced as a whole.</param>
    /// <param name="coverImage">A cover picture (PNG or JPEG bytes, decoded within the default pixel limit) for the
    /// home page; when null, the configured cover as the image stage prepared it, else the cover the EPUB draws from
    /// the title (<see cref="SiteCoverSource"/>), and without fonts a title card in HTML and CSS.</param>
    /// <param name="cache">Where the scaled cover is kept between builds; none by default.</param>
    /// <param name="addresses">The addresses earlier builds published (<see cref="SiteAddressMap"/>), or null for a
    /// book that has none yet; the site writes the updated map as <see cref="SiteAddressMap.FileName"/>.</param>
    /// <param name="fonts">The bundled faces the pages are set in (subset into web fonts); the library's own when null.</param>
    /// <returns>True if the site was written; false (with an error reported) if the previous site was kept.</returns>
    public static bool Write(Book book, BookOptions options, ImageCatalog images, IReadOnlyList<SiteDownload> downloads,
        string outputDirectory, DiagnosticBag diagnostics, byte[]? coverImage = null, DerivedFileCache? cache = null,
        SiteAddressMap? addresses = null, FontSet? fonts = null) =>
        Write(book, options, images, Task.FromResult(downloads), outputDirectory, diagnostics, coverImage, cache, addresses, fonts);

    /// <summary>
    /// Writes the site while the files it offers may still be being built (the PDF, drawn on one core): every page is
    /// made, guarded, read for its characters and serialized (on the other cores until the files are built), and
    /// every other file written, before the site waits for <paramref name="downloads"/>; then the files are copied,
    /// each page gets its lists of downloads (every page's footer shows each file's size), the web fonts are cut and
    /// the pages written. When <paramref name="downloads"/> fails, the site is abandoned (the folder is left as it
    /// was) and its exception reaches the caller as itself.
    /// </summary>
    public static bool Write(Book book, BookOptions options, ImageCatalog images, Task<IReadOnlyList<SiteDownload>> downloads,
        string outputDirectory, DiagnosticBag diagnostics, byte[]? coverImage = null, DerivedFileCache? cache = null,
        SiteAddressMap? addresses = null, FontSet? fonts = null)
    {
        try
        {
            AtomicFile.ReplaceDirectory(outputDirectory, staging => WriteInto(staging, book, options, images, downloads, coverImage,
                cache ?? DerivedFileCache.None, addresses, fonts, diagnostics));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.SiteNotWritten, new SourceSpan(outputDirectory, 0, 0),
                $"the site could not be written ({e.Message}); the previous site, if any, is unchanged");
            return false;
        }
    }

    /// <summary>The address map a build with these inputs writes (for the build's fingerprint).</summary>
    public static SiteAddressMap Addresses(Book book, BookOptions options, SiteAddressMap? addresses) =>
        Plan(book, options, Chunk(book, options), addresses, new DiagnosticBag()).Map;

    /// <summary>The site's pages: the EPUB's chunks, under the site's stable names.</summary>
    private static ChunkedBook Chunk(Book book, BookOptions options) =>
        BookChunker.Split(book, options.Epub.SplitLevel, PageExtension, SiteChunkNames.Candidates, SiteChunkNames.Reserved);

    private static SiteAddressPlan Plan(Book book, BookOptions options, ChunkedBook chunked, SiteAddressMap? addresses, DiagnosticBag diagnostics) =>
        SiteAddressPlan.Make(addresses, chunked, addresses == null ? BookChunker.Split(book, options.Epub.SplitLevel, PageExtension) : chunked, diagnostics);

    private static void WriteInto(string staging, Book book, BookOptions options, ImageCatalog images,
        Task<IReadOnlyList<SiteDownload>> downloads, byte[]? coverImage, DerivedFileCache cache, SiteAddressMap? addresses, FontSet? fonts,
        DiagnosticBag diagnostics)
    {
        fonts ??= BundledFonts(diagnostics);
        var characters = fonts == null ? null : new WebFontCharacters(fonts);
        var pages = new PageWriter(staging, diagnostics, characters);
        var metadata = book.Metadata;
        var labels = LanguageLabels.For(metadata.Language);
        var siteLabels = SiteLabels.For(metadata.Language);
        var chunked = Chunk(book, options);
        var plan = Plan(book, options, chunked, addresses, diagnostics);
        // Every page shows the whole table of contents: computed once, not once per page.
        var tocEntries = TableOfContents.Build(chunked, options.Epub.TocDepth);
        var imageFiles = new SiteImageFiles();
        var resolver = new CatalogImageResolver(images, ImageProfile.Site, imageFiles.HrefOf, diagnostics);
        var content = new XhtmlContentWriter(new HtmlContentContext(chunked, labels, HtmlFlavor.Html5, resolver.Resolve, diagnostics));

        var cover = coverImage == null
            ? SiteCoverSource.Write(book, options, images, fonts, staging, cache)
            : SiteCoverImage.Write(coverImage, staging, cache);
        if (coverImage != null && cover == null)
            diagnostics.Report(DiagnosticCodes.SiteCoverUnreadable, SourceSpan.None, "the cover picture could not be decoded; the home page shows a title card");
        var frame = new SiteFrame(metadata, labels, siteLabels, options.Site.BaseTitle ?? metadata.Title, options.Site.BaseUrl, cover?.LargestSrc);

        var home = SiteHomePage.Build(metadata, labels, siteLabels,
            SiteTableOfContents.Build(tocEntries, current: null, labels.TableOfContents, siteLabels, cssClass: "home-toc"), cover);
        pages.Write(IndexFile, SiteLayout.Compose(frame,
            new SiteLayout.PageParts("page-home", IndexFile, frame.TitleSuffix, home, Toc: null, NextHref: chunked.Chunks[0].FileName,
                Description: metadata.Description ?? SitePageDescription.Of(book.AllBlocks()), OpenGraphType: "book")));

        // The chunk pages on every core: each stands alone. The content writer, the image resolver and the image
        // files keep state from page to page (what was reported, which files to copy), so writing a page's content
        // takes turns; what each page holds does not depend on the order. The pages are kept, and their characters
        // recorded for the web fonts, in reading order, as before. While the downloads are still being built, one core
        // is left to their writer: the site waits for it in the end, and the PDF's drawing is one thread that pages
        // competing for its core (or for the pool threads it hands pages to) would only hold up; the pages still to
        // be made when it is done are made on every core.
        var contentTurn = new Lock();
        pages.WriteAll(chunked.Chunks.Count, downloads, i =>
        {
            var chunk = chunked.Chunks[i];
            var previous = i > 0 ? chunked.Chunks[i - 1] : null;
            var next = i + 1 < chunked.Chunks.Count ? chunked.Chunks[i + 1] : null;

            var article = new XElement(PolyglotHtmlSerializer.Xhtml + "article", new XAttribute("class", "content"));
            lock (contentTurn)
            {
                using (var xml = article.CreateWriter()) content.WriteChunk(xml, chunk);
                SiteMarkupTransform.Decorate(article, siteLabels);
                SitePictures.Apply(article, imageFiles, resolver);
            }
            article.AddFirst(ChapterHeading(chunk, chunked));

            var main = SiteLayout.Main(article, Pager(previous, next, metadata.Title, labels, siteLabels));
            var toc = SiteTableOfContents.Build(tocEntries, chunk, labels.TableOfContents, siteLabels);
            return (chunk.FileName, SiteLayout.Compose(frame,
                new SiteLayout.PageParts("page-chunk", chunk.FileName, $"{chunk.Title} · {frame.TitleSuffix}", main, toc,
                    PreviousHref: previous?.FileName ?? IndexFile, NextHref: next?.FileName,
                    Description: SitePageDescription.Of(chunk.Blocks), OpenGraphType: "article")));
        });

        var notFound = frame with { Root = SiteNotFoundPage.RootFor(frame.BaseUrl) };
        pages.Write(SiteNotFoundPage.FileName, SiteLayout.Compose(notFound,
            new SiteLayout.PageParts("page-home page-not-found", SiteNotFoundPage.FileName, $"{siteLabels.NotFoundTitle} · {frame.TitleSuffix}",
                SiteNotFoundPage.Main(notFound, SiteTableOfContents.Build(tocEntries, current: null, labels.TableOfContents, siteLabels,
                    notFound.Root, cssClass: "home-toc")),
                Toc: null, Indexable: false)),
            notFound.Root);
        pages.Write(Search.SearchPage.FileName, SiteLayout.Compose(frame,
            new SiteLayout.PageParts("page-home page-search", Search.SearchPage.FileName, $"{siteLabels.SearchResults} · {frame.TitleSuffix}",
                Search.SearchPage.Main(frame), Toc: null, Indexable: false)),
            data: Search.SearchPage.IndexBlock(Search.SearchIndex.ToJson(Search.SearchSections.Of(chunked))));
        foreach (var redirect in plan.Redirects)
            pages.Write(redirect.Address, SiteRedirectPage.Compose(frame, redirect));
        File.WriteAllBytes(Path.Combine(staging, SiteAddressMap.FileName), plan.Map.ToJson());
        SiteMap.Write(staging, frame, chunked.Chunks.Select(c => c.FileName).Prepend(IndexFile));
        foreach (var asset in SiteAssets.Files)
            File.WriteAllBytes(Path.Combine(staging, asset), asset == SiteAssets.Stylesheet
                ? [.. SiteAssets.Bytes(asset), .. Encoding.UTF8.GetBytes("\n" + FormulaStyles.Css + "\n\n" + ImageSizeClasses.Css())]
                : SiteAssets.Bytes(asset));
        imageFiles.CopyTo(staging);

        // Only now the files offered for download, which may still have been being built until here.
        pages.FillDownloads(CopyDownloads(staging, downloads.GetAwaiter().GetResult(), diagnostics), labels, siteLabels);
        pages.Flush(WebFontWriter.Write(staging, fonts, characters, cache).PageFonts);
    }

    /// <summary>The bundled faces, or null (reported) when they cannot be read: the site then names system fonts only.</summary>
    private static FontSet? BundledFonts(DiagnosticBag diagnostics)
    {
        try { return FontSet.Bundled(); }
        catch (Exception e) when (e is FileNotFoundException or FontFormatException)
        {
            diagnostics.Report(DiagnosticCodes.SiteFontsNotWritten, SourceSpan.None,
                $"the site's web fonts were not written ({e.Message}); its pages name the readers' system fonts only");
            return null;
        }
    }

    /// <summary>
    /// Guards each page, notes the characters it shows for the web fonts and serializes it, keeping its text rather
    /// than its tree (the trees of a whole site, thousands of MathML elements a chapter of formulas, otherwise lived
    /// until the end and were copied by every collection meanwhile); puts in the lists of downloads once the files are
    /// built; writes the pages once the fonts are cut, each asking first for the font files it shows
    /// (<see cref="WebFontPreload"/>).
    /// </summary>
    private sealed class PageWriter(string staging, DiagnosticBag diagnostics, WebFontCharacters? characters)
    {
        private readonly List<Serialized> _pages = [];

        /// <summary>A page's file name and text; <see cref="PreloadRoot"/> is where its fonts are addressed from when
        /// it asks for them first; <see cref="GuardRoot"/> what it was guarded with; <see cref="Slots"/> where its lists
        /// of downloads go.</summary>
        private readonly record struct Serialized(string FileName, string Text, string? PreloadRoot, string GuardRoot,
            IReadOnlyList<SiteDownloadLists.Marked> Slots);

        /// <param name="root">See <see cref="SiteMarkupTransform.Guard"/>.</param>
        /// <param name="data">Our own data block (the search index), added after the guard, which would remove any script.</param>
        public void Write(string fileName, XElement page, string root = "", XElement? data = null)
        {
            var (text, serialized) = Guarded(fileName, page, root, data);
            Keep(text, serialized);
        }

        /// <summary>Pages <c>0 … count − 1</c>, each made, guarded and serialized on whichever core is free, then kept
        /// (and their characters recorded) in that order. While <paramref name="beside"/> runs (another writer, on a
        /// core of its own), on every core but one; the pages left when it is done, on every core.</summary>
        public void WriteAll(int count, Task beside, Func<int, (string FileName, XElement Page)> make)
        {
            var made = new (WebFontCharacters.PageText? Text, Serialized Page)[count];
            var done = new bool[count];
            void Make(int i)
            {
                var (fileName, page) = make(i);
                made[i] = Guarded(fileName, page, "", null);
                done[i] = true;
            }
            if (!beside.IsCompleted)
                OnEveryCore(count, Math.Max(1, Environment.ProcessorCount - 1), (i, loop) =>
                {
                    if (beside.IsCompleted) loop.Stop();
                    else Make(i);
                });
            var left = Enumerable.Range(0, count).Where(i => !done[i]).ToArray();
            OnEveryCore(left.Length, i => Make(left[i]));
            foreach (var (text, page) in made) Keep(text, page);
        }

        /// <summary>
        /// Puts the lists of <paramref name="downloads"/> into every page's slots, each guarded and its characters
        /// recorded as the page's, as if the page had held it when it was made (pages on every core, the characters
        /// recorded in the pages' order).
        /// </summary>
        public void FillDownloads(IReadOnlyList<SiteDownloadLists.Download> downloads, LanguageLabels labels, SiteLabels siteLabels)
        {
            var filled = new (string Text, List<WebFontCharacters.PageText> Shown)[_pages.Count];
            OnEveryCore(_pages.Count, i =>
            {
                var page = _pages[i];
                var text = page.Text;
                var shown = new List<WebFontCharacters.PageText>();
                foreach (var slot in page.Slots)
                {
                    var html = "";
                    if (SiteDownloadLists.List(slot.Place, slot.Root, downloads, labels, siteLabels) is { } list)
                    {
                        SiteMarkupTransform.Guard(list, page.FileName, diagnostics, page.GuardRoot);
                        if (characters != null) shown.Add(WebFontCharacters.Read(slot.InPlace(list)));
                        html = PolyglotHtmlSerializer.Fragment([list]);
                    }
                    var at = text.IndexOf(slot.Mark, StringComparison.Ordinal);
                    if (at < 0) throw new InvalidOperationException($"{page.FileName} has lost the mark of its downloads");
                    text = string.Concat(text.AsSpan(0, at), html, text.AsSpan(at + slot.Mark.Length));
                }
                filled[i] = (text, shown);
            });
            for (var i = 0; i < _pages.Count; i++)
            {
                foreach (var shown in filled[i].Shown) characters!.Extend(i, shown);
                _pages[i] = _pages[i] with { Text = filled[i].Text };
            }
        }

        /// <param name="pageFonts">Per page, in the order written, the font files it shows (none without web fonts).</param>
        /// <remarks>On one thread: files created in one folder at once wait for its lock, and writers on every core
        /// spent their time spinning on it in the kernel (README, "The EPUB, the site and start-up").</remarks>
        public void Flush(IReadOnlyList<IReadOnlyList<string>> pageFonts)
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var (fileName, text, root, _, _) = _pages[i];
                if (root != null) text = WebFontPreload.Fill(text, root, i < pageFonts.Count ? pageFonts[i] : []);
                File.WriteAllBytes(Path.Combine(staging, fileName), Encoding.UTF8.GetBytes(text));
            }
        }

        private (WebFontCharacters.PageText? Text, Serialized Page) Guarded(string fileName, XElement page, string root, XElement? data)
        {
            SiteMarkupTransform.Guard(page, fileName, diagnostics, root);
            var text = characters == null ? null : WebFontCharacters.Read(page);
            if (data != null) page.Element(PolyglotHtmlSerializer.Xhtml + "body")!.Add(data);
            var preloadRoot = WebFontPreload.MarkPlace(page);
            var slots = SiteDownloadLists.MarkSlots(page);
            return (text, new Serialized(fileName, PolyglotHtmlSerializer.SerializeToString(page), preloadRoot, root, slots));
        }

        private void Keep(WebFontCharacters.PageText? text, Serialized page)
        {
            if (text != null) characters!.Add(text);
            _pages.Add(page);
        }

        /// <summary>Runs <paramref name="work"/> for 0 … count − 1 on the thread pool; a failure is rethrown as itself
        /// (the first one), as if the pages had been done one by one, so that the caller reports an I/O error as such.</summary>
        private static void OnEveryCore(int count, Action<int> work) => OnEveryCore(count, -1, (i, _) => work(i));

        /// <summary>As <see cref="OnEveryCore(int, Action{int})"/>, on at most <paramref name="cores"/> threads at once
        /// (the calling thread alone for one), the work able to stop the loop.</summary>
        private static void OnEveryCore(int count, int cores, Action<int, ParallelLoopState> work)
        {
            try
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = cores }, work);
            }
            catch (AggregateException e)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
    }

    /// <summary>
    /// A page split off at a section has no heading of the first level of its own: it gets its chapter's title as
    /// one, linking to the chapter's opening page, so that its outline starts where the reader is (chapter, then
    /// section) and assistive technology finds the page's main heading. Null when the page has its own.
    /// </summary>
    private static XElement? ChapterHeading(Chunk chunk, ChunkedBook chunked)
    {
        if (chunk.Heading is not { Level: > 1 } || chunk.Blocks.OfType<Heading>().Any(h => h.Level == 1)) return null;
        var opening = chunked.Chunks.First(c => c.Chapter == chunk.Chapter);
        if (opening == chunk || chunk.Chapter.Title is not { Length: > 0 } title) return null;
        var x = PolyglotHtmlSerializer.Xhtml;
        return new XElement(x + "h1", new XAttribute("class", "chunk-chapter"), new XElement(x + "a", new XAttribute("href", opening.FileName), title));
    }

    /// <summary>Previous and next page; the first page's previous is the home page.</summary>
    private static XElement Pager(Chunk? previous, Chunk? next, string bookTitle, LanguageLabels labels, SiteLabels siteLabels)
    {
        var x = PolyglotHtmlSerializer.Xhtml;
        XElement Link(string href, string cssClass, string label, string title) =>
            new(x + "a", new XAttribute("class", cssClass), new XAttribute("href", href),
                new XAttribute("rel", cssClass == "pager-next" ? "next" : "prev"),
                new XElement(x + "span", new XAttribute("class", "pager-label"), label),
                new XElement(x + "span", new XAttribute("class", "pager-title"), title));

        return new XElement(x + "nav", new XAttribute("class", "pager"), new XAttribute("aria-label", siteLabels.PageNavigation),
            previous != null
                ? Link(previous.FileName, "pager-previous", labels.Previous, previous.Title)
                : Link(IndexFile, "pager-previous", siteLabels.Home, bookTitle),
            next != null ? Link(next.FileName, "pager-next", labels.Next, next.Title) : null);
    }

    /// <summary>Copies each built file into the site under its own name; reports and skips those not built.</summary>
    private static List<SiteDownloadLists.Download> CopyDownloads(string staging, IReadOnlyList<SiteDownload> downloads, DiagnosticBag diagnostics)
    {
        var offered = new List<SiteDownloadLists.Download>();
        var names = new HashSet<string>([IndexFile, SiteImageFiles.Folder, SiteMap.FileName, SiteMap.RobotsFile, SiteAddressMap.FileName,
            SiteNotFoundPage.FileName, Search.SearchPage.FileName, WebFontWriter.Folder, WebFontWriter.Stylesheet, .. SiteAssets.Files],
            StringComparer.OrdinalIgnoreCase);
        foreach (var download in downloads)
        {
            var name = Path.GetFileName(download.FilePath);
            if (!File.Exists(download.FilePath))
            {
                diagnostics.Report(DiagnosticCodes.SiteDownloadMissing, SourceSpan.None,
                    $"{download.Label} is not offered on the site: {download.FilePath} was not built");
                continue;
            }
            if (name.EndsWith(PageExtension, StringComparison.OrdinalIgnoreCase) || !names.Add(name))
            {
                diagnostics.Report(DiagnosticCodes.SiteDownloadNameClash, SourceSpan.None,
                    $"{download.Label} is not offered on the site: its file name '{name}' clashes with a page or another download");
                continue;
            }
            File.Copy(download.FilePath, Path.Combine(staging, name));
            offered.Add(new SiteDownloadLists.Download(name, download.Label, new FileInfo(download.FilePath).Length,
                SiteMediaTypes.For(name)));
        }
        return offered;
    }
}
