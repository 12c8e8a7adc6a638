using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Images;

/// <summary>
/// An image's own colours, when it has at most 256, and one index per pixel: an indexed PNG, a third to a quarter
/// the size of the truecolour file for a drawing, and lossless. A drawing that resizing blended into more colours
/// stays truecolour: quantizing it with ImageSharp 2.1's Wu quantizer (and checking the result) cost more than
/// everything else the image stage does on a cold cache.
/// </summary>
internal sealed class PngPalette
{
    private PngPalette(Rgba32[] colours, byte[] indices, int width)
    {
        Colours = colours;
        Indices = indices;
        Width = width;
    }

    public Rgba32[] Colours { get; }

    public byte[] Indices { get; }

    public int Width { get; }

    public ReadOnlySpan<byte> Row(int y) => Indices.AsSpan(y * Width, Width);

    /// <summary>The image's own colours, in order of first appearance, or null when it has more than 256.</summary>
    public static PngPalette? Exact(Image<Rgba32> image)
    {
        var slots = new Dictionary<Rgba32, byte>();
        var colours = new List<Rgba32>();
        var indices = new byte[image.Width * image.Height];
        var fits = true;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && fits; y++)
            {
                var row = rows.GetRowSpan(y);
                var at = y * rows.Width;
                for (var x = 0; x < row.Length; x++)
                {
                    if (!slots.TryGetValue(row[x], out var slot))
                    {
                        if (colours.Count == 256) { fits = false; break; }
                        slot = (byte)colours.Count;
                        slots.Add(row[x], slot);
                        colours.Add(row[x]);
                    }
                    indices[at + x] = slot;
                }
            }
        });
        return fits ? new PngPalette([.. colours], indices, image.Width) : null;
    }
}
