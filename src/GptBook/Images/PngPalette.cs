using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Images;

/// <summary>
/// A palette of at most 256 colours for an image and one index per pixel: an indexed PNG, a quarter to a third
/// the size of the truecolour file for a drawing. Either exact (the image has at most 256 colours) or visually
/// equal: a resized drawing whose anti-aliased edges blend its few colours into a few thousand is mapped onto its
/// most frequent colours, chosen at least <c>spread</c> levels apart, and the palette is used only when every
/// pixel's colour moves by at most <see cref="MaxError"/> levels in each channel (of 255) — below what the eye
/// tells apart, and far less than a JPEG moves it. A photograph or a gradient fails that test and stays
/// truecolour. Deterministic: popularity ties are broken by the colour's value, nearest-colour ties by index.
/// <para>Quantizing with ImageSharp 2.1's Wu quantizer was tried first and dropped: it cost more CPU than the rest
/// of the stage, and dithers. This costs one hash lookup per pixel and a search over the image's distinct colours,
/// not its pixels.</para>
/// </summary>
internal sealed class PngPalette
{
    /// <summary>The largest change in any channel that a visually equal palette may make to a pixel.</summary>
    public const int MaxError = 6;

    /// <summary>More distinct colours than this is a photograph or a gradient: not worth searching for a palette.</summary>
    private const int MaxDistinctColours = 1 << 14;

    private static readonly int[] Spreads = [2, 4, 6];

    /// <summary>The side of the cells <see cref="MapWithin"/> files the palette by, in levels; it must stay larger
    /// than <see cref="MaxError"/>.</summary>
    private const int CellSide = 8;

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
                    // A run of one colour (a drawing's ground, a filled box) needs one lookup.
                    if (x > 0 && row[x] == row[x - 1])
                    {
                        indices[at + x] = indices[at + x - 1];
                        continue;
                    }
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

    /// <summary>The exact palette, else a visually equal one (see the class), else null.</summary>
    public static PngPalette? ExactOrVisuallyEqual(Image<Rgba32> image)
    {
        var exact = Exact(image);
        if (exact != null) return exact;
        var counts = CountColours(image);
        if (counts == null) return null;
        var byPopularity = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.PackedValue).Select(c => c.Key).ToArray();
        foreach (var spread in Spreads)
        {
            var colours = Choose(byPopularity, spread);
            var slots = MapWithin(byPopularity, colours);
            if (slots != null) return Index(image, colours, slots);
        }
        return null;
    }

    private static Dictionary<Rgba32, int>? CountColours(Image<Rgba32> image)
    {
        var counts = new Dictionary<Rgba32, int>();
        var fits = true;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && fits; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length;)
                {
                    // A run of one colour is counted with one lookup.
                    var run = 1;
                    while (x + run < row.Length && row[x + run] == row[x]) run++;
                    ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, row[x], out _);
                    count += run;
                    x += run;
                }
                // The count only grows: once past the limit, the rest of the image cannot bring it back.
                fits = counts.Count <= MaxDistinctColours;
            }
        });
        return fits ? counts : null;
    }

    /// <summary>Up to 256 colours in order of popularity, each more than <paramref name="spread"/> levels (in some
    /// channel) from every colour chosen before it.</summary>
    private static Rgba32[] Choose(Rgba32[] byPopularity, int spread)
    {
        var chosen = new List<Rgba32>(256);
        foreach (var colour in byPopularity)
        {
            if (chosen.Count == 256) break;
            var near = false;
            foreach (var other in chosen)
                if (Distance(colour, other) <= spread) { near = true; break; }
            if (!near) chosen.Add(colour);
        }
        return [.. chosen];
    }

    /// <summary>Each distinct colour's nearest palette index (the lowest of equally near ones), or null as soon as
    /// one is more than <see cref="MaxError"/> from every palette colour. The palette is filed by cells of
    /// <see cref="CellSide"/> levels of red, green and blue: a colour within MaxError (less than a cell) of a palette
    /// colour lies in the same cell or the next one in each channel, so the 27 cells around a colour hold every
    /// palette colour that can be chosen, and searching them alone gives what searching the whole palette gives.</summary>
    private static Dictionary<Rgba32, byte>? MapWithin(Rgba32[] distinct, Rgba32[] palette)
    {
        const int cells = 256 / CellSide;
        var first = new short[cells * cells * cells];
        Array.Fill(first, (short)-1);
        var next = new short[palette.Length];
        // Filed from the last colour to the first, so that each cell lists its colours in palette order.
        for (var i = palette.Length - 1; i >= 0; i--)
        {
            var cell = Cell(palette[i].R / CellSide, palette[i].G / CellSide, palette[i].B / CellSide);
            (next[i], first[cell]) = (first[cell], (short)i);
        }
        var slots = new Dictionary<Rgba32, byte>(distinct.Length);
        foreach (var colour in distinct)
        {
            int best = -1, bestDistance = int.MaxValue;
            int r = colour.R / CellSide, g = colour.G / CellSide, b = colour.B / CellSide;
            for (var cr = Math.Max(0, r - 1); cr <= Math.Min(cells - 1, r + 1); cr++)
                for (var cg = Math.Max(0, g - 1); cg <= Math.Min(cells - 1, g + 1); cg++)
                    for (var cb = Math.Max(0, b - 1); cb <= Math.Min(cells - 1, b + 1); cb++)
                        for (int i = first[Cell(cr, cg, cb)]; i >= 0; i = next[i])
                        {
                            var distance = Distance(colour, palette[i]);
                            if (distance < bestDistance || (distance == bestDistance && i < best)) (best, bestDistance) = (i, distance);
                        }
            if (bestDistance > MaxError) return null;
            slots.Add(colour, (byte)best);
        }
        return slots;
    }

    private static int Cell(int r, int g, int b) => (r * (256 / CellSide) + g) * (256 / CellSide) + b;

    private static PngPalette Index(Image<Rgba32> image, Rgba32[] palette, Dictionary<Rgba32, byte> slots)
    {
        var indices = new byte[image.Width * image.Height];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var at = y * rows.Width;
                for (var x = 0; x < row.Length; x++)
                    indices[at + x] = x > 0 && row[x] == row[x - 1] ? indices[at + x - 1] : slots[row[x]];
            }
        });
        return new PngPalette(palette, indices, image.Width);
    }

    /// <summary>The largest difference in any channel, alpha included.</summary>
    private static int Distance(Rgba32 a, Rgba32 b) =>
        Math.Max(Math.Max(Math.Abs(a.R - b.R), Math.Abs(a.G - b.G)), Math.Max(Math.Abs(a.B - b.B), Math.Abs(a.A - b.A)));
}
