using System.Globalization;
using GptBook.Configuration;

namespace GptBook.Images;

/// <summary>
/// How big one output wants its images, from the book's settings:
/// <list type="bullet">
/// <item>Print: the picture is assumed to be printed as large as the text block allows (the text width, and at
/// most <see cref="PdfOptions.MaxFigureHeight"/> of the text height); it is resampled to at most
/// <see cref="ImageOptions.PrintMaxDpi"/> at that size, never upscaled, and its alpha is flattened onto white
/// because the PDF writer places opaque images. The DPI recorded is the resolution at that printed size, but never
/// less than <see cref="MinPrintDpi"/>: a small picture prints smaller rather than blurred to the full width.</item>
/// <item>EPUB: the longest side at most <see cref="ImageOptions.EpubMaxSide"/>; 96 dpi.</item>
/// <item>Site: <see cref="ImageOptions.SiteWidth"/> wide (or narrower: never upscaled) at 96 dpi; a half-width
/// variant for phones when the main image is half as wide again; with <see cref="ImageOptions.SiteRetina"/>, 1.5×
/// and 2× variants when the source is at least that wide, so a variant really holds the detail its width
/// promises. The page offers them by width (srcset with w descriptors): as WebP (<see cref="WebPSiblingWriter"/>)
/// with only the main width also as PNG or JPEG (the fallback) when the main width's WebP is the smaller file, else
/// as PNG or JPEG at every width.</item>
/// </list>
/// <see cref="CacheSettings"/> names every setting that changes the output, so the cache key changes with them.
/// </summary>
internal sealed record ImageProfileRules(ImageProfile Profile, ImageOptions Images, PdfOptions Pdf)
{
    public const double CssDpi = 96;

    /// <summary>Below this resolution a print image is not stretched to the text width; it keeps this density.</summary>
    public const double MinPrintDpi = 150;

    public bool FlattensAlpha => Profile == ImageProfile.Print;

    /// <summary>Whether a PNG may be indexed: not for print, whose RGB PNGs the PDF embeds without decoding them.</summary>
    public bool IndexesColours => Profile != ImageProfile.Print;

    /// <summary>The site offers each file also as WebP, which browsers take in a &lt;picture&gt;.</summary>
    public bool WritesWebP => Profile == ImageProfile.Site;

    /// <summary>The printable area, in inches: the text block's width and the figure height limit.</summary>
    public (double Width, double Height) PrintArea
    {
        get
        {
            var width = Pdf.PageSize.Width - Pdf.InnerMargin - Pdf.OuterMargin;
            var height = (Pdf.PageSize.Height - Pdf.TopMargin - Pdf.BottomMargin) * Pdf.MaxFigureHeight;
            return (Math.Max(width.Points, 72) / 72, Math.Max(height.Points, 72) / 72);
        }
    }

    public string CacheSettings => Profile switch
    {
        ImageProfile.Print => Invariant($"print;dpi={Images.PrintMaxDpi};area={PrintArea.Width:R}x{PrintArea.Height:R};q={Images.JpegQuality}"),
        ImageProfile.Epub => Invariant($"epub;side={Images.EpubMaxSide};q={Images.JpegQuality}"),
        _ => Invariant($"site;width={Images.SiteWidth};retina={Images.SiteRetina};q={Images.JpegQuality};widths=0.5,1,1.5,2;webp"),
    };

    /// <summary>The pixel sizes to produce from an (oriented) source: the main image first, then variants.</summary>
    public IReadOnlyList<PixelTarget> Targets(int width, int height)
    {
        switch (Profile)
        {
            case ImageProfile.Print:
            {
                var (areaWidth, areaHeight) = PrintArea;
                var inchesPerPixel = Math.Min(areaWidth / width, areaHeight / height);
                var printedWidth = width * inchesPerPixel;
                // Both sides bound the size: a sliver (1 × 5000 px) prints less than a pixel wide at the DPI limit,
                // and its height is what must stay within the limit.
                var maxWidth = Math.Max(1, (int)Math.Floor(printedWidth * Images.PrintMaxDpi));
                var maxHeight = Math.Max(1, (int)Math.Floor(height * inchesPerPixel * Images.PrintMaxDpi));
                var target = Fit(width, height, maxWidth, maxHeight);
                // A small source would fill the area only at a blurry resolution; it prints smaller instead.
                var dpi = Math.Max(target.Width / printedWidth, Math.Min(MinPrintDpi, Images.PrintMaxDpi));
                return [new PixelTarget(target.Width, target.Height, Math.Round(dpi, 2), "")];
            }
            case ImageProfile.Epub:
            {
                var side = Images.EpubMaxSide;
                var target = Fit(width, height, side, side);
                return [new PixelTarget(target.Width, target.Height, CssDpi, "")];
            }
            default:
            {
                var one = Fit(width, height, Images.SiteWidth, int.MaxValue);
                List<PixelTarget> targets = [new PixelTarget(one.Width, one.Height, CssDpi, "")];
                var half = Fit(width, height, Images.SiteWidth / 2, int.MaxValue);
                if (2 * one.Width >= 3 * half.Width) targets.Add(new PixelTarget(half.Width, half.Height, CssDpi / 2, "@0.5x"));
                if (!Images.SiteRetina) return targets;
                foreach (var (scale, suffix) in new[] { (1.5, "@1.5x"), (2.0, "@2x") })
                {
                    var wide = (int)Math.Round(scale * Images.SiteWidth);
                    if (width < wide) break;
                    var size = Fit(width, height, wide, int.MaxValue);
                    targets.Add(new PixelTarget(size.Width, size.Height, scale * CssDpi, suffix));
                }
                return targets;
            }
        }
    }

    /// <summary>Scales down (never up) to fit the box, keeping the aspect ratio; each side at least 1 pixel.</summary>
    private static (int Width, int Height) Fit(int width, int height, int maxWidth, int maxHeight)
    {
        var scale = Math.Min(1.0, Math.Min((double)maxWidth / width, (double)maxHeight / height));
        if (scale >= 1.0) return (width, height);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One file to produce: its pixel size, the DPI to record, and the suffix of its file name ("", "@2x" …).</summary>
internal sealed record PixelTarget(int Width, int Height, double Dpi, string Suffix);
