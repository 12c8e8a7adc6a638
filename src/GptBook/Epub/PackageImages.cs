using System.Security.Cryptography;
using GptBook.Images;

namespace GptBook.Epub;

/// <summary>
/// The prepared image files that go into the package. Each file is named after a hash of its content, so the
/// same picture is stored once however often it is used, and names stay the same from build to build. The media
/// type comes from the file's bytes; a file that is no EPUB core image type is refused (the caller shows a
/// placeholder instead).
/// </summary>
internal sealed class PackageImages
{
    private readonly Dictionary<string, PackageItem> _byPath = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PackageItem> _byHref = new(StringComparer.Ordinal);

    public IReadOnlyCollection<PackageItem> Items => _byHref.Values;

    /// <summary>The href of the file inside the package, or null if it is not an image an EPUB may hold.</summary>
    public string? Add(NormalizedImage image) => Add(image.Path);

    public string? Add(string path)
    {
        if (_byPath.TryGetValue(path, out var known)) return known.Href;
        var bytes = File.ReadAllBytes(path);
        var mediaType = ImageMediaTypes.Detect(bytes);
        if (mediaType == null) return null;
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var href = EpubLayout.ImagesFolder + hash + ImageMediaTypes.Extension(mediaType);
        var item = new PackageItem("img-" + hash, href, mediaType, null, bytes);
        _byPath[path] = item;
        _byHref.TryAdd(href, item);
        return href;
    }

    /// <summary>Adds bytes made in memory (the drawn cover) under a fixed name.</summary>
    public PackageItem AddGenerated(string id, string href, string mediaType, byte[] bytes, string? properties)
    {
        var item = new PackageItem(id, href, mediaType, properties, bytes);
        _byHref[href] = item;
        return item;
    }
}
