using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Site.Browser;

/// <summary>Decodes a screenshot and measures how much is drawn on it, so that a blank page cannot pass.</summary>
internal static class ScreenshotCheck
{
    public sealed record Measure(int Width, int Height, int DistinctColours, double InkShare);

    /// <summary>Distinct colours, and the share of pixels that differ clearly from the top-left (background) pixel.</summary>
    public static Measure Of(byte[] png)
    {
        using var image = Image.Load<Rgba32>(png);
        var background = image[0, 0];
        var colours = new HashSet<uint>();
        long ink = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                foreach (var p in rows.GetRowSpan(y))
                {
                    colours.Add(p.PackedValue);
                    if (Math.Abs(p.R - background.R) + Math.Abs(p.G - background.G) + Math.Abs(p.B - background.B) > 48) ink++;
                }
        });
        return new Measure(image.Width, image.Height, colours.Count, (double)ink / (image.Width * image.Height));
    }
}
