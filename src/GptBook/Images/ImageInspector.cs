using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Policies;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;

namespace GptBook.Images;

/// <summary>
/// Looks at a source image without decoding its pixels: detects the format from the content, reads the header
/// with Image.Identify, checks the container for truncation and frames, and applies the pixel limit. A
/// decompression bomb (a small file whose header claims a huge picture) stops here, before any pixel memory is
/// allocated.
/// </summary>
internal static class ImageInspector
{
    public static ImageInspection? Inspect(byte[] bytes, string path, ImageOptions options, out ImageProblem? problem)
    {
        problem = null;
        var format = Image.DetectFormat(ImageDecoding.Configuration, bytes);
        var kind = format == null ? null : ImageKinds.FromFormatName(format.Name);
        if (kind == null)
        {
            if (SvgSanitizer.LooksLikeSvg(bytes))
                return new ImageInspection(ImageKind.Svg, 0, 0, new ContainerFacts(false, 1), ExifOrientation: 1);
            problem = new ImageProblem(DiagnosticCodes.ImageUnsupported,
                $"not an image in a supported format (PNG, JPEG, GIF, BMP, TIFF, WebP, SVG): {path}");
            return null;
        }

        IImageInfo? info;
        try
        {
            info = Image.Identify(ImageDecoding.Configuration, bytes, out _);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = FromDecoderException(path, e);
            return null;
        }
        if (info == null || info.Width <= 0 || info.Height <= 0)
        {
            problem = Corrupt(path, "the header has no valid size");
            return null;
        }

        var facts = ImageContainerScanner.Scan(kind.Value, bytes);
        // ImageSharp 2.1 decodes every frame of an animated WebP (GIF and TIFF are set to decode the first only).
        var decodedFrames = kind == ImageKind.Webp ? Math.Max(1, facts.FrameCount) : 1;
        var pixels = (long)info.Width * info.Height * decodedFrames;
        if (pixels > options.MaxPixels)
        {
            problem = new ImageProblem(DiagnosticCodes.ImageTooLarge,
                $"image is {info.Width}×{info.Height} pixels{(decodedFrames > 1 ? $" × {decodedFrames} frames" : "")}, " +
                $"more than the limit of {options.MaxPixels:N0} (images.max_pixels): {path}");
            return null;
        }
        if (facts.Truncated)
        {
            problem = Corrupt(path, "the file ends before its image data does (truncated)");
            return null;
        }
        var orientation = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? 1;
        return new ImageInspection(kind.Value, info.Width, info.Height, facts, orientation)
        {
            ForeignColourProfile = ForeignColourProfile(info.Metadata.IccProfile),
        };
    }

    /// <summary>
    /// The name of an embedded colour profile that is neither sRGB nor grey, or null. ImageSharp 2.1 decodes
    /// without colour management, so such pixels are taken as sRGB (CMYK by a plain formula): worth a note. The
    /// profile's bytes are read by <see cref="IccDescriptionReader"/>, which cannot throw, not by ImageSharp's
    /// own lazy header parser.
    /// </summary>
    private static string? ForeignColourProfile(IccProfile? profile)
    {
        if (profile == null) return null;
        var bytes = profile.ToByteArray();
        var space = IccDescriptionReader.ColourSpace(bytes);
        if (space == "GRAY") return null;
        var description = IccDescriptionReader.Read(bytes);
        if (description != null && description.Contains("sRGB", StringComparison.OrdinalIgnoreCase)) return null;
        return description ?? (space == null ? "an unreadable profile" : $"an unnamed {space.Trim()} profile");
    }

    /// <summary>A decoder's complaint: a feature it lacks (some TIFF compressions, say) is "unsupported", anything else "corrupt".</summary>
    public static ImageProblem FromDecoderException(string path, Exception e) => e is NotSupportedException
        ? new ImageProblem(DiagnosticCodes.ImageUnsupported, $"image uses a feature the decoder does not support: {path} ({e.Message})")
        : Corrupt(path, e.Message);

    public static ImageProblem Corrupt(string path, string detail) =>
        new(DiagnosticCodes.ImageCorrupt, $"image is corrupt or truncated: {path} ({detail})");
}

/// <summary>
/// A source image's header facts. <see cref="Width"/> and <see cref="Height"/> are as stored, before the EXIF
/// orientation (1–8) is applied; both are 0 for SVG, whose size comes from its sanitized markup.
/// </summary>
internal sealed record ImageInspection(ImageKind Kind, int Width, int Height, ContainerFacts Facts, ushort ExifOrientation)
{
    /// <summary>The name of an embedded non-sRGB colour profile (which is not applied), or null.</summary>
    public string? ForeignColourProfile { get; init; }

    public bool SwapsSides => ExifOrientation is >= 5 and <= 8;

    public int OrientedWidth => SwapsSides ? Height : Width;

    public int OrientedHeight => SwapsSides ? Width : Height;
}
