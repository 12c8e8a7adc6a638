namespace GptBook.Images;

/// <summary>
/// An image ready for one output: an absolute path to the prepared file (in the cache), its pixel size, media
/// type and resolution. Writers only ever see these. <see cref="Placeholder"/> is set when the source could not
/// be used; the file is then a neutral placeholder picture, and writers also show the reason as text.
/// <see cref="Variants"/> holds higher-density versions (the site's 2× image), if any.
/// </summary>
public sealed record NormalizedImage(string Path, int PixelWidth, int PixelHeight, string MediaType, double Dpi)
{
    public string? Placeholder { get; init; }

    public IReadOnlyList<NormalizedImage> Variants { get; init; } = [];

    public bool IsPlaceholder => Placeholder != null;
}
