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

    public NormalizedImage? Find(ImageReference image, ImageProfile profile) =>
        _images.TryGetValue((image.Key, profile), out var n) ? n : null;
}
