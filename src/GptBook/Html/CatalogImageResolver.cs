using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// Turns image references into what a page shows, from the image stage's catalog for one profile. The caller
/// decides where prepared files go (<c>hrefOf</c>: EPUB copies them into the package, the site into its folder),
/// and returns null for a file it cannot use, which then shows as a placeholder too.
/// A reference the catalog does not know becomes a placeholder and a warning (once per image); a placeholder the
/// image stage made keeps its reason, which that stage has already reported.
/// </summary>
public sealed class CatalogImageResolver(ImageCatalog catalog, ImageProfile profile, Func<NormalizedImage, string?> hrefOf, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>Whether each prepared file exists, asked of the file system once per file: a long book shows the
    /// same figures on many pages, each with several widths, and the prepared files do not change during a build.</summary>
    private readonly Dictionary<string, bool> _exists = new(StringComparer.Ordinal);

    public HtmlImage Resolve(ImageReference image)
    {
        var prepared = catalog.Find(image, profile);
        if (prepared == null)
        {
            if (_reported.Add(image.Key))
                diagnostics.Report(DiagnosticCodes.ImageNotPrepared, image.Span, $"no prepared {profile} image for '{image.Path ?? image.Source}'; a placeholder is shown");
            // The path is in the warning, for the author; the reader sees only that the picture is missing.
            return HtmlImage.Missing("");
        }

        // An SVG is embedded in the page, not packaged as a file: its text stays text.
        if (prepared is { MediaType: "image/svg+xml", IsPlaceholder: false } && Exists(prepared.Path))
            return new HtmlImage(null, prepared.PixelWidth, prepared.PixelHeight, null) { SvgMarkup = File.ReadAllText(prepared.Path) };

        var src = Exists(prepared.Path) ? hrefOf(prepared) : null;
        var srcSet = src == null ? null : SrcSet(prepared, src, prepared.MediaType);
        var reason = prepared.Placeholder ?? (src == null ? "" : null);
        return new HtmlImage(src, prepared.PixelWidth, prepared.PixelHeight, reason) { SrcSet = srcSet };
    }

    /// <summary>
    /// The files of one media type among an image and its variants (other widths, other formats) as a srcset of
    /// width descriptors, narrowest first, which lets the browser pick by the slot's width and the screen's
    /// density; null when there is only one width. <paramref name="mainHref"/> is the main file's href, when known.
    /// </summary>
    public string? SrcSet(NormalizedImage prepared, string? mainHref, string mediaType)
    {
        var files = prepared.Variants.Prepend(prepared)
            .Where(v => v.MediaType == mediaType && v.PixelWidth > 0 && Exists(v.Path))
            .Select(v => (Href: v == prepared && mainHref != null ? mainHref : hrefOf(v), v.PixelWidth))
            .Where(v => v.Href != null)
            .DistinctBy(v => v.PixelWidth)
            .OrderBy(v => v.PixelWidth)
            .ToArray();
        return files.Length > 1 || (files.Length == 1 && mediaType != prepared.MediaType)
            ? string.Join(", ", files.Select(v => $"{v.Href} {v.PixelWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)}w"))
            : null;
    }

    private bool Exists(string path)
    {
        if (!_exists.TryGetValue(path, out var exists)) _exists[path] = exists = File.Exists(path);
        return exists;
    }
}
