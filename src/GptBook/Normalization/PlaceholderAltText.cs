using System.Text.RegularExpressions;

namespace GptBook.Normalization;

/// <summary>
/// Alt text that says nothing about the image: what Notion and other exporters write when the author gave none
/// ("Untitled", "Untitled 3"), an empty one, or just a file name. Such alt text is never a caption, and never
/// shown to readers.
/// </summary>
public static partial class PlaceholderAltText
{
    [GeneratedRegex(@"^(untitled|image|img|picture|screenshot|pasted image)(\s*[-_]?\s*\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ExporterPlaceholder();

    [GeneratedRegex(@"^[^\s/\\]+\.(png|jpe?g|gif|webp|svg|bmp|tiff?|avif|heic)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    public static bool IsPlaceholder(string alt, string? imagePath)
    {
        var a = alt.Trim();
        if (a.Length == 0 || ExporterPlaceholder().IsMatch(a) || FileName().IsMatch(a)) return true;
        if (imagePath == null) return false;
        var name = Path.GetFileName(imagePath);
        return string.Equals(a, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a, Path.GetFileNameWithoutExtension(name), StringComparison.OrdinalIgnoreCase);
    }
}
