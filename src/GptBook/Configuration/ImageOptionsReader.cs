
namespace GptBook.Configuration;

/// <summary>The <c>images:</c> section of book.yml: size limits (max_bytes accepts "50MB") and per-output sizes.</summary>
internal static class ImageOptionsReader
{
    public static ImageOptions Read(YamlSection s)
    {
        var d = new ImageOptions();
        var section = s.Section("images");
        if (section == null) return d;
        var maxBytes = d.MaxBytes;
        if (section.Scalar("max_bytes") is { Value: { } bytesText } bytesNode)
        {
            if (ByteSizeParser.TryParse(bytesText, out var b) && b >= 1024 && b <= 4L << 30) maxBytes = b;
            else section.Error(bytesNode, $"'images.max_bytes' must be a size from 1KB to 4GB, such as \"50MB\", not '{bytesText}'");
        }
        var options = d with
        {
            MaxBytes = maxBytes,
            MaxPixels = section.Int("max_pixels", 10_000, 1_000_000_000) ?? d.MaxPixels,
            JpegQuality = section.Int("jpeg_quality", 1, 100) ?? d.JpegQuality,
            PrintMaxDpi = section.Int("print_max_dpi", 72, 2400) ?? d.PrintMaxDpi,
            EpubMaxSide = section.Int("epub_max_side", 100, 10_000) ?? d.EpubMaxSide,
            SiteWidth = section.Int("site_width", 100, 4000) ?? d.SiteWidth,
            SiteRetina = section.Bool("site_retina") ?? d.SiteRetina,
        };
        section.ReportUnknownKeys();
        return options;
    }
}
