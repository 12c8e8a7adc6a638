using GptBook.Model;

namespace GptBook.Images;

/// <summary>
/// The image stage's result: for every image reference in the book and every requested profile, the prepared
/// image. Immutable; looked up by <see cref="ImageReference.Key"/>.
/// </summary>
public sealed class ImageCatalog
{
    private readonly IReadOnlyDictionary<(string Key, ImageProfile Profile), NormalizedImage> _images;

    public ImageCatalog(IReadOnlyDictionary<(string Key, ImageProfile Profile), NormalizedImage> images) => _images = images;

    public static ImageCatalog Empty { get; } = new(new Dictionary<(string, ImageProfile), NormalizedImage>());

    public NormalizedImage? Find(ImageReference image, ImageProfile profile) => Find(image.Key, profile);

    /// <summary>By <see cref="ImageReference.Key"/> (a root-relative path, or the source of a non-local image).</summary>
    public NormalizedImage? Find(string key, ImageProfile profile) =>
        _images.TryGetValue((key, profile), out var n) ? n : null;

    /// <summary>Every prepared image for one profile, ordered by key: what a package writer has to include.</summary>
    public IReadOnlyList<(string Key, NormalizedImage Image)> ForProfile(ImageProfile profile) =>
        _images.Where(e => e.Key.Profile == profile)
            .OrderBy(e => e.Key.Key, StringComparer.Ordinal)
            .Select(e => (e.Key.Key, e.Value))
            .ToArray();
}
