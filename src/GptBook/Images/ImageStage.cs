using System.Collections.Concurrent;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Images;

/// <summary>
/// The image stage: for every image the book references and every requested output profile, a prepared image in
/// the cache (or a placeholder, with a diagnostic at the reference's Markdown location). Sources are processed in
/// parallel, at most <see cref="ImageStageContext.MaxDegreeOfParallelism"/> at once and within the memory budget;
/// each distinct source file is read once however often it is referenced.
/// </summary>
public static class ImageStage
{
    public static ImageCatalog Run(Book book, BookOptions options, string cacheDirectory,
        IReadOnlySet<ImageProfile> profiles, DiagnosticBag diagnostics) =>
        Run(new ImageStageContext(options, cacheDirectory, profiles, diagnostics), book);

    /// <summary>Every image the book's text references, and the configured cover (see <see cref="CoverReference"/>).</summary>
    public static ImageCatalog Run(ImageStageContext context, Book book) =>
        Run(context, [.. ImageReferenceCollector.Collect(book), .. CoverReference(context.Options) is { } cover ? [cover] : Array.Empty<ImageReference>()]);

    /// <summary>
    /// The configured cover as an image reference like any other, reported at book.yml: it passes every guard of
    /// the stage (root confinement, byte and pixel limits, SVG sanitizing, metadata removal) and the writers find
    /// it in the catalog by its configured path (<c>epub.cover</c>). Null when no cover is configured.
    /// </summary>
    public static ImageReference? CoverReference(BookOptions options) =>
        options.Epub.Cover is { Length: > 0 } cover
            ? new ImageReference(cover, ImageSourceKind.Local, cover, "", new SourceSpan(options.BookFile, 0, 0))
            : null;

    /// <summary>
    /// The same for an explicit list of references, for images the book's text doesn't hold (a cover, say):
    /// build the reference with its <see cref="ImageSourceKind"/> and root-relative path as the loader would.
    /// </summary>
    public static ImageCatalog Run(ImageStageContext context, IReadOnlyList<ImageReference> references)
    {
        var normalizer = new ImageNormalizer(context);
        var groups = references.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var results = new ConcurrentDictionary<(string, ImageProfile), NormalizedImage>();
        Parallel.ForEach(groups, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.MaxDegreeOfParallelism) }, group =>
        {
            foreach (var (profile, image) in normalizer.Normalize(group))
                results[(group[0].Key, profile)] = image;
        });
        return new ImageCatalog(new Dictionary<(string, ImageProfile), NormalizedImage>(results));
    }
}
