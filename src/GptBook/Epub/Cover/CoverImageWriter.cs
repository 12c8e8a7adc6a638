using GptBook.Fonts;
using GptBook.Images;
using GptBook.Model;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Epub.Cover;

/// <summary>
/// Draws a cover from the book's metadata when none is configured: a 1600 × 2400 PNG (the 2:3 shape stores and
/// readers expect) with the title, subtitle and authors set in the bundled Noto faces, rasterized from their glyph
/// outlines. The picture depends only on the metadata and the fonts, so it is identical in every build.
/// </summary>
public static class CoverImageWriter
{
    public const int Width = 1600;
    public const int Height = 2400;
    private const double Margin = 170;

    private static readonly Rgba32 Background = new(22, 38, 68);
    private static readonly Rgba32 BackgroundBottom = new(12, 22, 42);
    private static readonly Rgba32 Accent = new(214, 170, 84);
    private static readonly Rgba32 TitleColor = new(250, 248, 242);
    private static readonly Rgba32 SubtitleColor = new(206, 214, 228);

    public static byte[] Write(BookMetadata metadata, FontSet fonts)
    {
        using var image = new Image<Rgba32>(Width, Height);
        PaintBackground(image);

        var rasterizer = new ScanlineRasterizer();
        // Frame and rules in the accent colour.
        rasterizer.AddRectangle(80, 80, Width - 160, 6);
        rasterizer.AddRectangle(80, Height - 86, Width - 160, 6);
        rasterizer.AddRectangle(Margin, 860, 220, 10);
        rasterizer.Fill(image, Accent);

        var maxWidth = Width - 2 * Margin;
        var titleFont = fonts.Font(FontRole.SansBold);
        var (titleSize, titleLines) = FitTitle(metadata.Title, titleFont, maxWidth);
        var y = 940 + titleSize;
        y = DrawLines(image, titleLines, titleFont, titleSize, y, TitleColor, lineGap: titleSize * 0.3);

        if (!string.IsNullOrWhiteSpace(metadata.Subtitle))
        {
            var subtitleFont = fonts.Font(FontRole.SerifRegular);
            const double subtitleSize = 72;
            var lines = CoverTextWrapper.Wrap(metadata.Subtitle, subtitleFont, maxWidth / subtitleSize * subtitleFont.UnitsPerEm);
            DrawLines(image, lines, subtitleFont, subtitleSize, y + titleSize * 0.45 + subtitleSize * 1.2, SubtitleColor, lineGap: 30);
        }

        var authors = string.Join("、", metadata.Authors);
        if (authors.Length > 0)
        {
            var authorFont = fonts.Font(FontRole.SerifRegular);
            const double authorSize = 64;
            var lines = CoverTextWrapper.Wrap(authors, authorFont, maxWidth / authorSize * authorFont.UnitsPerEm);
            DrawLines(image, lines, authorFont, authorSize, Height - 260 - (lines.Count - 1) * (authorSize * 1.4), TitleColor, lineGap: authorSize * 0.4);
        }

        using var output = new MemoryStream();
        // The image stage's PNG writer (native zlib, vectorized row filters) rather than ImageSharp's managed
        // deflater, which was a twentieth of a first build of the article; 300 dpi makes the 1600 × 2400 pixels a
        // 5⅓ × 8 inch cover for anything that reads the PNG's resolution.
        PngFileWriter.WriteTruecolour(output, Width, Height, alpha: false, y => image.DangerousGetPixelRowMemory(y).Span, dpi: 300);
        return output.ToArray();
    }

    /// <summary>
    /// The largest title size that keeps the title on as few lines as possible without getting small: one line down
    /// to 150 px, else two lines down to 120 px, else three or more lines at whatever size fits from 110 px.
    /// </summary>
    private static (double Size, IReadOnlyList<CoverTextLine> Lines) FitTitle(string title, TrueTypeFont font, double maxWidth)
    {
        foreach (var (maxLines, smallest) in new[] { (1, 150), (2, 120), (3, 100) })
        {
            for (double size = 200; size >= smallest; size -= 10)
            {
                var lines = CoverTextWrapper.Wrap(title, font, maxWidth / size * font.UnitsPerEm);
                if (lines.Count <= maxLines) return (size, lines);
            }
        }
        return (100, CoverTextWrapper.Wrap(title, font, maxWidth / 100 * font.UnitsPerEm));
    }

    /// <summary>Draws left-aligned lines from the first baseline down; returns the last baseline.</summary>
    private static double DrawLines(Image<Rgba32> image, IReadOnlyList<CoverTextLine> lines, TrueTypeFont font, double size, double baseline, Rgba32 color, double lineGap)
    {
        var scale = size / font.UnitsPerEm;
        var rasterizer = new ScanlineRasterizer();
        var last = baseline;
        foreach (var line in lines)
        {
            var x = Margin;
            foreach (var cp in line.CodePoints)
            {
                var glyph = font.Outline(cp);
                GlyphPath.Add(rasterizer, glyph, x, baseline, scale);
                x += glyph.AdvanceWidth * scale;
            }
            last = baseline;
            baseline += size + lineGap;
        }
        rasterizer.Fill(image, color);
        return last;
    }

    private static void PaintBackground(Image<Rgba32> image)
    {
        image.ProcessPixelRows(access =>
        {
            for (var y = 0; y < access.Height; y++)
            {
                var t = (float)y / (access.Height - 1);
                var color = new Rgba32(
                    (byte)Math.Round(Background.R + (BackgroundBottom.R - Background.R) * t),
                    (byte)Math.Round(Background.G + (BackgroundBottom.G - Background.G) * t),
                    (byte)Math.Round(Background.B + (BackgroundBottom.B - Background.B) * t));
                access.GetRowSpan(y).Fill(color);
            }
        });
    }
}
