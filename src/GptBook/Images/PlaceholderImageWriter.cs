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
    public const int Width = 1200;
    public const int Height = 675;
    private const int Stroke = 6;

    public static void Write(double dpi, string path)
    {
        var background = new Rgba32(0xF3, 0xF3, 0xF3);
        var border = new Rgba32(0xA8, 0xA8, 0xA8);
        var cross = new Rgba32(0xCC, 0xCC, 0xCC);
        using var image = new Image<Rgba32>(ImageDecoding.Configuration, Width, Height, background);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < Height; y++)
            {
                var row = rows.GetRowSpan(y);
                // The diagonals from corner to corner: x = y·W/H and x = W − y·W/H.
                var d1 = y * (double)Width / Height;
                var d2 = Width - d1;
                for (var x = 0; x < Width; x++)
                {
                    var onBorder = x < Stroke || y < Stroke || x >= Width - Stroke || y >= Height - Stroke;
                    var onCross = Math.Abs(x - d1) < Stroke || Math.Abs(x - d2) < Stroke;
                    if (onBorder) row[x] = border;
                    else if (onCross) row[x] = cross;
                }
            }
        });
        PreparedImageWriter.Write(image, ImageEncoding.Png, dpi, 90, path);
    }
}
