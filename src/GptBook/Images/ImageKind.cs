namespace GptBook.Images;

/// <summary>A source image's format, as detected from its content (never from its file name).</summary>
internal enum ImageKind { Png, Jpeg, Gif, Bmp, Tiff, Webp, Svg }

internal static class ImageKinds
{
    /// <summary>The format a file name promises, or null for an extension that names no image format.</summary>
    public static ImageKind? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => ImageKind.Png,
        ".jpg" or ".jpeg" or ".jpe" or ".jfif" => ImageKind.Jpeg,
        ".gif" => ImageKind.Gif,
        ".bmp" or ".dib" => ImageKind.Bmp,
        ".tif" or ".tiff" => ImageKind.Tiff,
        ".webp" => ImageKind.Webp,
        ".svg" => ImageKind.Svg,
        _ => null,
    };

    public static ImageKind? FromFormatName(string name) => name.ToUpperInvariant() switch
    {
        "PNG" => ImageKind.Png,
        "JPEG" => ImageKind.Jpeg,
        "GIF" => ImageKind.Gif,
        "BMP" => ImageKind.Bmp,
        "TIFF" => ImageKind.Tiff,
        "WEBP" => ImageKind.Webp,
        _ => null,
    };
}
