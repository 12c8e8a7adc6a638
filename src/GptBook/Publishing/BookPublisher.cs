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
/// whether the build may replace the outputs. The build is a transaction (<see cref="OutputTransaction"/>): under
/// the output folder's lock, the writers write into a staging folder of their own, the final check looks at every
/// stage's diagnostics, and only then are all outputs moved into place together. A failed or interrupted build
/// leaves every previous output byte-identical.
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
            var clock = Stopwatch.StartNew();
            T value;
            try
            {
                observer.StageStarted(name);
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

        // Loading every package's assembly to name its version (the build's fingerprint and the derived-file cache
        // need them) was 4 % of a warm 40-chapter build's busy time, in the `check` stage: it is done on the
        // second core while the book file and the chapters are read. Only static state is made, the same either way.
        _ = Task.Run(() => CodeIdentity.Parts);
        var options = Stage("configure", () => BookOptionsReader.Read(request.BookFile, diagnostics,
            Environment.GetEnvironmentVariable(BuildTime.SourceDateEpochVariable)));
        if (options == null || diagnostics.HasErrors)
            return Finish(PublishOutcome.ConfigurationError);

        var outputDirectory = Path.GetFullPath(request.OutputDirectory);
        // Everything from here on reads or writes the output folder (the last build's manifest, the caches, the
        // outputs), so it runs under the folder's lock: a second build waits, then sees the first one's results.
        using var outputLock = LockOutput(outputDirectory, request.LockWait ?? PublishRequest.DefaultLockWait, observer);
        if (outputLock == null)
        {
            diagnostics.Report(DiagnosticCodes.OutputLocked, new SourceSpan(outputDirectory, 0, 0),
                $"another build is still writing to this folder after {Waited(request.LockWait ?? PublishRequest.DefaultLockWait)}; nothing was changed (try again when it has finished)");
            return Finish(PublishOutcome.ContentErrors);
        }

        if (!RecoverInterruptedBuilds(outputDirectory, diagnostics))
            return Finish(PublishOutcome.ContentErrors);

        var derived = new DerivedFileCache(Path.Combine(outputDirectory, ".cache", "derived"));
        var book = Stage("load", () => BookLoader.Load(options, diagnostics, derived),
            b => $"{b.Chapters.Count} chapter(s), {b.Headings().Count()} heading(s), {b.Figures().Count()} figure(s)");
        // Without SOURCE_DATE_EPOCH the outputs' timestamp is the content's fingerprint time (Policies.BuildTime).
        options = options with { ContentFingerprint = ContentFingerprint.Compute(options, book) };

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

        // The PDF's layout begins by reading the faces its cover sets (two 15 MB files): on a second core they are
        // read while the images are prepared, and the layout finds them ready.
        if (request.Formats.HasFlag(OutputFormats.Pdf)) _ = Task.Run(() => PdfBookWriter.ReadCoverFaces(FontSet.Bundled()));
        var images = Stage("images", () => ImageStage.Run(book, options, Path.Combine(outputDirectory, ".cache", "images"),
            ProfilesFor(request.Formats), diagnostics));

        if (Failed(diagnostics, request.Strict))
            return Finish(PublishOutcome.ContentErrors);

        // Every writer writes into this build's own staging folder; the outputs in place are touched only by the
        // commit below, after the final check, and all together.
        using var transaction = OutputTransaction.Begin(outputDirectory);
        var (stagedEpub, stagedPdf, stagedSite) = (transaction.StagedPath(epubPath), transaction.StagedPath(pdfPath), transaction.StagedPath(siteDirectory));
        // The EPUB's page list follows the print layout: the PDF stage hands over where its pages begin as soon as
        // the layout is done (an empty map if it fails first, or if no PDF is built: then the EPUB has no page list).
        var pageMap = new TaskCompletionSource<PrintPageMap>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Then the PDF's rendering (the longer part, on one core: PDFsharp is not thread-safe) runs alongside the EPUB
        // and then the site, which use the other core and whichever the PDF leaves free.
        long pdfWrittenAt = 0;
        var pdf = request.Formats.HasFlag(OutputFormats.Pdf)
            ? Task.Run(() =>
            {
                try
                {
                    var layout = Stage("pdf", () => PdfBookWriter.Write(book, options, images, FontSet.Bundled(), stagedPdf, diagnostics,
                        layout => pageMap.TrySetResult(layout.PageMap())), l => $"{l.Pages.Count} pages, {SizeOf(stagedPdf)}");
                    pdfWrittenAt = Stopwatch.GetTimestamp();
                    return layout;
                }
                finally
                {
                    pageMap.TrySetResult(PrintPageMap.None);
                }
            })
            : null;
        if (pdf == null) pageMap.TrySetResult(PrintPageMap.None);
        StageFailedException? failed = null;
        try
        {
            if (request.Formats.HasFlag(OutputFormats.Epub))
            {
                Stage("epub", () =>
                {
                    EpubWriter.Write(book, options, images, stagedEpub, diagnostics, cache: derived, pageMap: pageMap.Task.GetAwaiter().GetResult());
                    return stagedEpub;
                }, SizeOf);
            }
        }
        catch (StageFailedException e)
        {
            failed = e; // still let the PDF finish: the process must not end under a writer in mid-file
        }
        // The site reports into a list of its own, taken over only once the PDF is written: a PDF stage that fails
        // ends the build as it did when the site began after it, without the findings of a site that is dropped.
        var siteDiagnostics = new DiagnosticBag();
        var siteWritten = false;
        if (failed == null && request.Formats.HasFlag(OutputFormats.Site))
        {
            // The site offers the PDF and the EPUB, every page showing their sizes: it makes its pages while the PDF is
            // drawn and waits for the files only then. They are this build's files where it makes them (staged under
            // the same names), else those an earlier build left in place. A failed PDF stage's exception abandons the
            // site, whose staging folder goes with it.
            IReadOnlyList<SiteDownload> offered =
            [
                new("PDF", request.Formats.HasFlag(OutputFormats.Pdf) ? stagedPdf : pdfPath),
                new("EPUB", request.Formats.HasFlag(OutputFormats.Epub) ? stagedEpub : epubPath),
            ];
            var downloads = pdf == null
                ? Task.FromResult(offered)
                : pdf.ContinueWith(written =>
                {
                    written.GetAwaiter().GetResult();
                    return offered;
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            try
            {
                siteWritten = Stage("site", () => SiteWriter.Write(book, options, images, downloads, stagedSite, siteDiagnostics, cache: derived,
                    addresses: SiteAddressMap.Read(addressesFile, siteDiagnostics)),
                    _ => pdfWrittenAt == 0 ? null : $"done {Stopwatch.GetElapsedTime(pdfWrittenAt).TotalMilliseconds:0} ms after the PDF");
            }
            catch (StageFailedException e)
            {
                failed = e;
            }
        }
        if (pdf != null)
            pages = pdf.GetAwaiter().GetResult().Pages.Count;
        foreach (var d in siteDiagnostics.Items) diagnostics.Add(d);
        if (failed != null) throw failed;

        // The final check: errors from any stage, or under --strict warnings from any stage, and nothing moves.
        if (Failed(diagnostics, request.Strict))
            return Finish(PublishOutcome.ContentErrors);
        var products = Products(request.Formats, epubPath, pdfPath, siteDirectory).ToList();
        new BuildManifest(fingerprint, BuildManifest.HashOutputs(transaction.StagedOutput, products.Select(transaction.StagedPath)),
                diagnostics.Items.Skip(loadDiagnostics).ToArray(), pages)
            .Write(transaction.StagedOutput);
        if (!Commit(transaction, [.. products, BuildManifest.PathIn(outputDirectory)], observer, diagnostics, outputDirectory))
            return Finish(PublishOutcome.ContentErrors);
        outputs.AddRange(products.Select(p => Shown(p, siteDirectory)));
        // The map of every address the site has published goes beside book.yml too, for the author to commit.
        if (siteWritten) SiteAddressMap.Keep(siteDirectory, addressesFile);
        return Finish(PublishOutcome.Built);
    }

    /// <summary>
    /// Undoes the half-finished commit a killed build may have left (GB0902 per output put back). False, with
    /// GB0903, when that fails: building on top of it could lose the previous outputs kept in its staging folder.
    /// </summary>
    private static bool RecoverInterruptedBuilds(string outputDirectory, DiagnosticBag diagnostics)
    {
        try
        {
            foreach (var restored in OutputTransaction.Recover(outputDirectory))
                diagnostics.Report(DiagnosticCodes.InterruptedBuildRecovered, new SourceSpan(Path.Combine(outputDirectory, restored), 0, 0),
                    "an earlier build was interrupted while moving its outputs into place; the previous output was put back");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.RecoveryFailed, new SourceSpan(Path.Combine(outputDirectory, ".cache"), 0, 0),
                $"an interrupted build's outputs could not be put back ({e.Message}); its staging folder is kept, fix the cause and build again");
            return false;
        }
    }

    /// <summary>
    /// Moves the staged outputs into place all together. An I/O failure halfway puts the previous outputs back and
    /// is reported (GB0901); the build then fails like any other.
    /// </summary>
    private static bool Commit(OutputTransaction transaction, IReadOnlyList<string> products, IPublishObserver observer, DiagnosticBag diagnostics,
        string outputDirectory)
    {
        try
        {
            transaction.Commit(products, observer.CommitStep);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string restored;
            try
            {
                restored = string.Join(", ", transaction.RollBack().DefaultIfEmpty("nothing had moved yet"));
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                restored = $"putting them back failed too ({again.Message}); the next build in this folder will";
            }
            diagnostics.Report(DiagnosticCodes.CommitFailed, new SourceSpan(outputDirectory, 0, 0),
                $"the outputs could not be moved into place ({e.Message}); previous outputs restored: {restored}");
            return false;
        }
    }

    private static OutputLock? LockOutput(string outputDirectory, TimeSpan wait, IPublishObserver observer) =>
        OutputLock.Acquire(outputDirectory, wait,
            () => observer.Notice($"waiting for another build writing to {outputDirectory} to finish (up to {Waited(wait)})"));

    private static string Waited(TimeSpan wait) =>
        wait.TotalSeconds < 120 ? $"{wait.TotalSeconds:0} s" : $"{wait.TotalMinutes:0} min";

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

    /// <summary>A written file's size for the stage line; its path is staged, so the final paths are listed at the end.</summary>
    private static string SizeOf(string path) =>
        File.Exists(path) ? $"{new FileInfo(path).Length / 1024.0:0.0} KiB" : "";
}
