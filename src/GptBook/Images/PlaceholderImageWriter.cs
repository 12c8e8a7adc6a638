using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Images;

/// <summary>
/// Draws the neutral stand-in for an image that cannot be used: a light grey 16:9 panel with a border and a
/// diagonal cross, the common sign for "no picture". It carries no text (the writers print the reason next to
/// it, in the book's fonts), so it is the same for every failure and every language.
/// </summary>
internal static class PlaceholderImageWriter
{
    /// <summary>The size before a profile's limits apply (the site's 720 px makes it 720×405).</summary>
    public const int Width = 1200;
    public const int Height = 675;

    public static void Write(int width, int height, double dpi, string path)
    {
        const double background = 0xF3, border = 0xA8, cross = 0xCC;
        var stroke = Math.Max(2.0, width / 200.0);
        using var image = new Image<Rgba32>(ImageDecoding.Configuration, width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                // The diagonals run corner to corner: x = (y + ½)·W/H and x = W − (y + ½)·W/H.
                var d1 = (y + 0.5) * width / height;
                var d2 = width - d1;
                for (var x = 0; x < width; x++)
                {
                    var px = x + 0.5;
                    var onBorder = x < stroke || y < stroke || x >= width - stroke || y >= height - stroke;
                    // Horizontal distance to the nearer diagonal, turned into coverage for a soft edge.
                    var distance = Math.Min(Math.Abs(px - d1), Math.Abs(px - d2)) * height / Math.Sqrt(width * width + height * height);
                    var coverage = Math.Clamp(stroke / 2 + 0.5 - distance, 0, 1);
                    var value = onBorder ? border : background + (cross - background) * coverage;
                    var level = (byte)Math.Round(value);
                    row[x] = new Rgba32(level, level, level);
                }
            }
        });
        PreparedImageWriter.Write(image, ImageEncoding.Png, dpi, 90, indexed: false, path);
    }
}
