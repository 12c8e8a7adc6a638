using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// Turns image references into what a page shows, from the image stage's catalog for one profile. The caller
/// decides where prepared files go (<c>hrefOf</c>: EPUB copies them into the package, the site into its folder).
/// A reference the catalog does not know becomes a placeholder and a warning (once per image); a placeholder the
/// image stage made keeps its reason, which that stage has already reported.
/// </summary>
public sealed class CatalogImageResolver(ImageCatalog catalog, ImageProfile profile, Func<NormalizedImage, string> hrefOf, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public HtmlImage Resolve(ImageReference image)
    {
        var prepared = catalog.Find(image, profile);
        if (prepared == null)
        {
            if (_reported.Add(image.Key))
                diagnostics.Report(DiagnosticCodes.ImageNotPrepared, image.Span, $"no prepared {profile} image for '{image.Source}'; a placeholder is shown");
            return HtmlImage.Missing(image.Path ?? image.Source);
        }

        var hasFile = File.Exists(prepared.Path);
        var src = hasFile ? hrefOf(prepared) : null;
        var srcSet = hasFile && prepared.Variants.Count > 0
            ? string.Join(", ", prepared.Variants.Where(v => File.Exists(v.Path)).Select(v => $"{hrefOf(v)} {Density(v, prepared)}x").Prepend(src + " 1x"))
            : null;
        var reason = prepared.Placeholder ?? (hasFile ? null : image.Path ?? image.Source);
        return new HtmlImage(src, prepared.PixelWidth, prepared.PixelHeight, reason) { SrcSet = srcSet };
    }

    private static int Density(NormalizedImage variant, NormalizedImage baseImage) =>
        baseImage.PixelWidth > 0 ? Math.Max(1, (int)Math.Round((double)variant.PixelWidth / baseImage.PixelWidth)) : 2;
}
