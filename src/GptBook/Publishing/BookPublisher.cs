using System.Diagnostics;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Pdf;
using GptBook.Policies;
using GptBook.Site;
using GptBook.IO;

namespace GptBook.Publishing;

/// <summary>
/// Runs the stages in order — configure, load (read, normalize, model), images, then the writers — and decides
/// whether the build may replace the outputs. Content errors (or warnings under strict) stop the build before
/// any writer runs, so a failed build never touches the previous outputs.
/// </summary>
public static class BookPublisher
{
    public static PublishResult Publish(PublishRequest request, IPublishObserver observer)
    {
        var diagnostics = new DiagnosticBag();
        var clock = Stopwatch.StartNew();
        try
        {
            return Run(request, observer, diagnostics) with { Elapsed = clock.Elapsed };
        }
        catch (StageFailedException)
        {
            return new PublishResult(PublishOutcome.ContentErrors, diagnostics.Sorted(), [], []) { Elapsed = clock.Elapsed };
        }
    }

    private static PublishResult Run(PublishRequest request, IPublishObserver observer, DiagnosticBag diagnostics)
    {
        var timings = new List<StageTiming>();
        var outputs = new List<string>();
        var pages = 0;

        T Stage<T>(string name, Func<T> run, Func<T, string?>? detail = null)
        {
            observer.StageStarted(name);
            var clock = Stopwatch.StartNew();
            T value;
            try
            {
                value = run();
            }
            catch (Exception e) when (e is not StageFailedException)
            {
                // A bug, not bad input (stages report bad input as diagnostics). Say so plainly and stop the build
                // before anything is replaced, rather than crash.
                diagnostics.Report(DiagnosticCodes.InternalError, new SourceSpan(request.BookFile, 0, 0),
                    $"internal error in the {name} stage ({e.GetType().Name}: {e.Message}); please report it with the input");
                throw new StageFailedException();
            }
            clock.Stop();
            lock (timings)
            {
                timings.Add(new StageTiming(name, clock.Elapsed));
                observer.StageFinished(name, clock.Elapsed, detail?.Invoke(value));
            }
            return value;
        }

        PublishResult Finish(PublishOutcome outcome) =>
            new(outcome, diagnostics.Sorted(), outputs, timings, pages);

        var options = Stage("configure", () => BookOptionsReader.Read(request.BookFile, diagnostics,
            Environment.GetEnvironmentVariable(BuildTime.SourceDateEpochVariable)));
        if (options == null || diagnostics.HasErrors)
            return Finish(PublishOutcome.ConfigurationError);

        var book = Stage("load", () => BookLoader.Load(options, diagnostics),
            b => $"{b.Chapters.Count} chapter(s), {b.Headings().Count()} heading(s), {b.Figures().Count()} figure(s)");
        // Without SOURCE_DATE_EPOCH the outputs' timestamp is the content's fingerprint time (Policies.BuildTime).
        options = options with { ContentFingerprint = ContentFingerprint.Compute(options, book) };

        var outputDirectory = Path.GetFullPath(request.OutputDirectory);
        var (epubPath, pdfPath, siteDirectory) = OutputPaths(book, outputDirectory);
        var addressesFile = SiteAddressMap.PathFor(options.BookFile);
        // Computed under --force too, so that the forced build's manifest lets the next plain build skip.
        var fingerprint = Stage("check", () => BuildFingerprint.Compute(options, book, request.Formats, FontSet.Bundled().Directory,
            OfferedDownloads(request.Formats, epubPath, pdfPath),
            request.Formats.HasFlag(OutputFormats.Site) ? SiteWriter.Addresses(book, options, SiteAddressMap.Read(addressesFile, new DiagnosticBag())).ToJson() : null));
        var lastBuild = request.Incremental ? BuildManifest.Read(outputDirectory) : null;
        if (lastBuild != null && lastBuild.Fingerprint == fingerprint && lastBuild.OutputsIntact(outputDirectory))
        {
            // Nothing the outputs depend on has changed, and they are as the last build left them.
            foreach (var d in lastBuild.Diagnostics) diagnostics.Add(d);
            if (request.Formats.HasFlag(OutputFormats.Site)) SiteAddressMap.Keep(siteDirectory, addressesFile); // if the author deleted it
            outputs.AddRange(Products(request.Formats, epubPath, pdfPath, siteDirectory).Select(p => Shown(p, siteDirectory)));
            pages = lastBuild.Pages;
            return Finish(Failed(diagnostics, request.Strict) ? PublishOutcome.ContentErrors : PublishOutcome.UpToDate);
        }
        var loadDiagnostics = diagnostics.Items.Count;

        // PDFsharp reads each 10–15 MB face in full the first time it is used; do that on the other core while the
        // images are prepared. A failure here is not reported: the PDF stage meets the same problem and reports it.
        var fontsReady = request.Formats.HasFlag(OutputFormats.Pdf)
            ? Task.Run(() => { try { PdfBookWriter.PrepareFonts(FontSet.Bundled()); } catch (Exception e) when (e is not OutOfMemoryException) { } })
            : Task.CompletedTask;

        var images = Stage("images", () => ImageStage.Run(book, options, Path.Combine(outputDirectory, ".cache", "images"),
            ProfilesFor(request.Formats), diagnostics));

        if (Failed(diagnostics, request.Strict))
            return Finish(PublishOutcome.ContentErrors);

        var derived = new DerivedFileCache(Path.Combine(outputDirectory, ".cache", "derived"));
        // The EPUB's page list follows the print layout: the PDF stage hands over where its pages begin as soon as
        // the layout is done (an empty map if it fails first, or if no PDF is built: then the EPUB has no page list).
        var pageMap = new TaskCompletionSource<PrintPageMap>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Then the PDF's rendering (the longer part) runs alongside the EPUB on a machine with a second core. The
        // site copies both, so it waits for them.
        var pdf = request.Formats.HasFlag(OutputFormats.Pdf)
            ? fontsReady.ContinueWith(_ =>
            {
                try
                {
                    return Stage("pdf", () => PdfBookWriter.Write(book, options, images, FontSet.Bundled(), pdfPath, diagnostics,
                        layout => pageMap.TrySetResult(layout.PageMap())), l => $"{l.Pages.Count} pages, {SizeOf(pdfPath)}");
                }
                finally
                {
                    pageMap.TrySetResult(PrintPageMap.None);
                }
            }, TaskScheduler.Default)
            : null;
        if (pdf == null) pageMap.TrySetResult(PrintPageMap.None);
        StageFailedException? epubFailed = null;
        try
        {
            if (request.Formats.HasFlag(OutputFormats.Epub))
            {
                Stage("epub", () =>
                {
                    EpubWriter.Write(book, options, images, epubPath, diagnostics, cache: derived, pageMap: pageMap.Task.GetAwaiter().GetResult());
                    return epubPath;
                }, SizeOf);
                outputs.Add(epubPath);
            }
        }
        catch (StageFailedException e)
        {
            epubFailed = e; // still let the PDF finish: the process must not end under a writer in mid-file
        }
        if (pdf != null)
        {
            pages = pdf.GetAwaiter().GetResult().Pages.Count;
            outputs.Add(pdfPath);
        }
        if (epubFailed != null) throw epubFailed;
        if (request.Formats.HasFlag(OutputFormats.Site))
        {
            SiteDownload[] downloads = [new("PDF", pdfPath), new("EPUB", epubPath)];
            var written = Stage("site", () => SiteWriter.Write(book, options, images, downloads, siteDirectory, diagnostics, cache: derived,
                addresses: SiteAddressMap.Read(addressesFile, diagnostics)));
            outputs.Add(Path.Combine(siteDirectory, "index.html"));
            // The map of every address the site has published goes beside book.yml too, for the author to commit.
            if (written && !Failed(diagnostics, request.Strict)) SiteAddressMap.Keep(siteDirectory, addressesFile);
        }

        if (Failed(diagnostics, request.Strict))
            return Finish(PublishOutcome.ContentErrors);
        var products = Products(request.Formats, epubPath, pdfPath, siteDirectory);
        new BuildManifest(fingerprint, BuildManifest.HashOutputs(outputDirectory, products), diagnostics.Items.Skip(loadDiagnostics).ToArray(), pages)
            .Write(outputDirectory);
        return Finish(PublishOutcome.Built);
    }

    /// <summary>
    /// The site offers the PDF and EPUB for download. A site-only build offers whatever an earlier build left in
    /// the output folder, so those files are inputs of this build.
    /// </summary>
    private static IEnumerable<string> OfferedDownloads(OutputFormats formats, string epubPath, string pdfPath)
    {
        if (!formats.HasFlag(OutputFormats.Site)) yield break;
        if (!formats.HasFlag(OutputFormats.Pdf)) yield return pdfPath;
        if (!formats.HasFlag(OutputFormats.Epub)) yield return epubPath;
    }

    private static (string Epub, string Pdf, string Site) OutputPaths(Book book, string outputDirectory) =>
        (Path.Combine(outputDirectory, book.Metadata.Id + ".epub"),
         Path.Combine(outputDirectory, book.Metadata.Id + ".pdf"),
         Path.Combine(outputDirectory, "site"));

    /// <summary>What the requested formats make: the EPUB file, the PDF file, the site folder.</summary>
    private static IEnumerable<string> Products(OutputFormats formats, string epub, string pdf, string site)
    {
        if (formats.HasFlag(OutputFormats.Epub)) yield return epub;
        if (formats.HasFlag(OutputFormats.Pdf)) yield return pdf;
        if (formats.HasFlag(OutputFormats.Site)) yield return site;
    }

    /// <summary>How a product is named to the user: the site by its home page.</summary>
    private static string Shown(string product, string site) => product == site ? Path.Combine(site, "index.html") : product;

    /// <summary>Unwinds the build after a stage's internal error has been reported.</summary>
    private sealed class StageFailedException : Exception;

    private static bool Failed(DiagnosticBag diagnostics, bool strict) =>
        diagnostics.HasErrors || (strict && diagnostics.HasWarnings);

    private static HashSet<ImageProfile> ProfilesFor(OutputFormats formats)
    {
        var profiles = new HashSet<ImageProfile>();
        if (formats.HasFlag(OutputFormats.Pdf)) profiles.Add(ImageProfile.Print);
        if (formats.HasFlag(OutputFormats.Epub)) profiles.Add(ImageProfile.Epub);
        if (formats.HasFlag(OutputFormats.Site)) profiles.Add(ImageProfile.Site);
        return profiles;
    }

    private static string SizeOf(string path) =>
        File.Exists(path) ? $"{new FileInfo(path).Length / 1024.0:0.0} KiB → {path}" : "";
}
