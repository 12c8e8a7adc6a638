using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Metadata;

namespace GptBook.Images;

/// <summary>
/// The one ImageSharp configuration the stage decodes with: multi-frame formats decode their first frame only,
/// so an animated GIF or a many-page TIFF costs one frame of memory.
/// </summary>
internal static class ImageDecoding
{
    public static SixLabors.ImageSharp.Configuration Configuration { get; } = Create();

    private static SixLabors.ImageSharp.Configuration Create()
    {
        var configuration = SixLabors.ImageSharp.Configuration.Default.Clone();
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.ImageFormatsManager.SetDecoder(TiffFormat.Instance, new TiffDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }
}
