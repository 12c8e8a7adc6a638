using System.Security.Cryptography;
using GptBook.Images;

namespace GptBook.Site;

/// <summary>
/// Where prepared images live in the site: <c>images/</c> + the first 16 hex digits of the file's SHA-256 + its
/// extension. Names depend on content only, so they are stable across builds, never collide between images of the
/// same name in different folders, and tell a static host it may cache them forever. Collects the files to copy.
/// </summary>
public sealed class SiteImageFiles
{
    public const string Folder = "images";

    private readonly SortedDictionary<string, string> _sourceBySiteName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _siteNameBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NormalizedImage> _imageByHref = new(StringComparer.Ordinal);

    /// <summary>The href (relative to a page in the site root) for a prepared image, recording it for copying.</summary>
    public string HrefOf(NormalizedImage image)
    {
        if (!_siteNameBySource.TryGetValue(image.Path, out var name))
        {
            using var stream = File.OpenRead(image.Path);
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
            name = hash + Path.GetExtension(image.Path).ToLowerInvariant();
            _siteNameBySource[image.Path] = name;
            _sourceBySiteName[name] = image.Path;
        }
        var href = Folder + "/" + name;
        _imageByHref.TryAdd(href, image);
        return href;
    }

    /// <summary>The prepared image (with its variants) an href was handed out for, or null for any other href.</summary>
    public NormalizedImage? ImageAt(string href) => _imageByHref.GetValueOrDefault(href);

    /// <summary>Copies every image handed out so far into <paramref name="siteDirectory"/>/images, in name order.</summary>
    public void CopyTo(string siteDirectory)
    {
        if (_sourceBySiteName.Count == 0) return;
        var folder = Path.Combine(siteDirectory, Folder);
        Directory.CreateDirectory(folder);
        foreach (var (name, source) in _sourceBySiteName)
            File.Copy(source, Path.Combine(folder, name), overwrite: true);
    }
}
