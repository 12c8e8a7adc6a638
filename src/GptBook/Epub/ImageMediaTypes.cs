
namespace GptBook.Epub;

/// <summary>
/// The EPUB core image media types, recognised from a file's first bytes (never from its name), with the file
/// extension each gets inside the package.
/// </summary>
public static class ImageMediaTypes
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature)) return "image/png";
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (LooksLikeSvg(head)) return "image/svg+xml";
        return null;
    }

    public static string Extension(string mediaType) => mediaType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "image/svg+xml" => ".svg",
        _ => throw new ArgumentOutOfRangeException(nameof(mediaType), mediaType, "not an EPUB core image type"),
    };

    /// <summary>
    /// Whether a GIF has more than one image (an animation): walks the blocks after the header and colour table,
    /// counting image descriptors, skipping extensions and image data by their sub-block lengths.
    /// </summary>
    public static bool IsAnimatedGif(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13 || !(gif.StartsWith("GIF87a"u8) || gif.StartsWith("GIF89a"u8))) return false;
        var at = 13;
        if ((gif[10] & 0x80) != 0) at += 3 << ((gif[10] & 0x07) + 1);
        var images = 0;
        while (at < gif.Length)
        {
            switch (gif[at])
            {
                case 0x2C: // image descriptor, optional local colour table, LZW minimum code size, data sub-blocks
                    if (++images > 1) return true;
                    if (at + 10 > gif.Length) return false;
                    var packed = gif[at + 9];
                    at += 10;
                    if ((packed & 0x80) != 0) at += 3 << ((packed & 0x07) + 1);
                    at += 1;
                    at = SkipSubBlocks(gif, at);
                    break;
                case 0x21: // extension: label, then sub-blocks
                    at = SkipSubBlocks(gif, at + 2);
                    break;
                default: // 0x3B trailer, or damage
                    return false;
            }
        }
        return false;
    }

    private static int SkipSubBlocks(ReadOnlySpan<byte> data, int at)
    {
        while (at < data.Length && data[at] != 0) at += data[at] + 1;
        return at + 1;
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head[..Math.Min(head.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return (text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<svg", StringComparison.Ordinal))
            && text.Contains("<svg", StringComparison.Ordinal);
    }
}
