using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptBook.Images;

/// <summary>The file formats the stage writes.</summary>
internal enum ImageEncoding { Png, Jpeg }

/// <summary>
/// Chooses PNG for line art, few colours and alpha, JPEG for photos. The colour count comes from a copy scaled
/// down with nearest-neighbour sampling (which invents no colours): drawings, charts and screenshots reuse a small
/// palette even with anti-aliased edges, while photographs make almost every sampled pixel a new colour.
/// </summary>
internal static class ImageEncodingChooser
{
    private const int SampleSide = 200;

    public static ImageCharacter Analyse(Image<Rgba32> image)
    {
        using var sample = image.Width > SampleSide || image.Height > SampleSide
            ? image.Clone(x => x.Resize(new ResizeOptions
            {
                Size = new Size(SampleSide, SampleSide),
                Mode = ResizeMode.Max,
                Sampler = KnownResamplers.NearestNeighbor,
            }))
            : image.Clone();
        var colours = new HashSet<Rgba32>();
        var hasAlpha = false;
        sample.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    colours.Add(pixel);
                    hasAlpha |= pixel.A < 255;
                }
        });
        var sampled = sample.Width * sample.Height;
        // A few hundred colours, or a small share of the sampled pixels, is drawing rather than photograph.
        var lineArt = colours.Count <= Math.Max(256, sampled / 20);
        // Alpha on the full image matters too: the sample may miss a thin transparent edge.
        if (!hasAlpha) hasAlpha = HasAnyAlpha(image);
        return new ImageCharacter(hasAlpha, lineArt);
    }

    /// <summary>A JPEG source stays JPEG whatever it shows: as PNG a JPEG diagram only grows (its compression noise
    /// is many colours), and a JPEG has no alpha to keep.</summary>
    public static ImageEncoding Choose(ImageCharacter character, bool alphaFlattened, bool sourceIsJpeg) =>
        !sourceIsJpeg && (character.LineArt || (character.HasAlpha && !alphaFlattened)) ? ImageEncoding.Png : ImageEncoding.Jpeg;

    public static bool HasAnyAlpha(Image<Rgba32> image)
    {
        var found = false;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && !found; y++)
                foreach (var pixel in rows.GetRowSpan(y))
                    if (pixel.A < 255) { found = true; break; }
        });
        return found;
    }
}

/// <summary>What the pixels are like: any transparency, and drawing-like (few colours) or photograph-like.</summary>
internal sealed record ImageCharacter(bool HasAlpha, bool LineArt);
