using System.Security.Cryptography;
using System.Text;
using GptBook.Diagnostics;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// Prepared images on disk, keyed by a SHA-256 of the stage version, the profile's settings and the source bytes.
/// An entry is the prepared file(s) plus a small manifest (<c>key.txt</c>, see <see cref="CacheManifest"/>) written
/// last, which records each file's length, so a half-written entry is never taken for a complete one, and the
/// findings that preparing the source reported (an SVG's sanitizing), so that a rebuild reports them again
/// without preparing it again. The files are not flushed to the disk one by
/// one (<see cref="AtomicFile.Write"/> with <c>durable: false</c>: a cold article build's 45 flushes cost about
/// a second of wall time on the loaded development machine); a power cut can leave a file short, which the length
/// check finds, or at its length with zeros where its data was lost, which <see cref="CachedFileEnds"/> finds; either
/// way the entry is made again. A changed
/// source file or a changed setting makes a new key; the old entry is simply no longer used (clearing the folder is
/// always safe).
/// </summary>
internal sealed class ImageCache
{
    /// <summary>Bump when the stage's output for the same input and settings changes.</summary>
    public const string StageVersion = "gptbook-images-9";

    public ImageCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>The SHA-256 of a source file's bytes: computed once per source, then combined with each profile.</summary>
    public static string ContentDigest(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The entry key for one source (by its <see cref="ContentDigest"/>) under one profile's settings.</summary>
    public static string Key(string settings, string contentDigest) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{StageVersion}\n{settings}\n{contentDigest}")));

    public string PathFor(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>The entry's images (main first, then variants), or null when it is absent or incomplete.</summary>
    public NormalizedImage? TryGet(string key) => TryGetEntry(key)?.Image;

    /// <summary>The entry's images and the findings recorded with it, or null when it is absent or incomplete.</summary>
    public CacheEntry? TryGetEntry(string key)
    {
        var manifestPath = PathFor(key + ".txt");
        if (!File.Exists(manifestPath)) return null;
        var manifest = CacheManifest.Parse(File.ReadAllText(manifestPath));
        if (manifest == null || manifest.Files.Count == 0) return null;
        if (manifest.Files.Any(f => new FileInfo(PathFor(f.File)) is not { Exists: true } info || info.Length != f.Bytes
            || !CachedFileEnds.AreWhole(info.FullName, f.MediaType))) return null;
        return new CacheEntry(ToEntryImage(manifest.Files), manifest.Notes);
    }

    public NormalizedImage Put(string key, IReadOnlyList<CachedFile> files, IReadOnlyList<CachedNote>? notes = null)
    {
        var manifest = new CacheManifest(files.Select(f => f with { Bytes = new FileInfo(PathFor(f.File)).Length }).ToList(), notes ?? []);
        AtomicFile.WriteAllBytes(PathFor(key + ".txt"), Encoding.UTF8.GetBytes(manifest.Format()), durable: false);
        return ToEntryImage(files);
    }

    private NormalizedImage ToEntryImage(IReadOnlyList<CachedFile> files)
    {
        var images = files.Select(ToImage).ToList();
        return images[0] with { Variants = images.Skip(1).ToArray() };
    }

    private NormalizedImage ToImage(CachedFile f) => new(PathFor(f.File), f.Width, f.Height, f.MediaType, f.Dpi);
}

/// <summary>One prepared file of a cache entry; <see cref="File"/> is a name inside the cache folder, <see cref="Bytes"/>
/// its length as written (set by <see cref="ImageCache.Put"/>).</summary>
internal sealed record CachedFile(string File, int Width, int Height, string MediaType, double Dpi)
{
    public long Bytes { get; init; }
}

/// <summary>A finding reported when the entry was made (a diagnostic code and its message), reported again on every
/// build that takes the entry from the cache.</summary>
internal sealed record CachedNote(DiagnosticCode Code, string Message)
{
    /// <summary>The codes an entry may record, by id: what preparing an SVG finds. A manifest naming any other is
    /// refused, and its entry made again.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticCode> Recordable = new[]
    {
        DiagnosticCodes.SvgSanitized, DiagnosticCodes.SvgUnsupported, DiagnosticCodes.SvgTruncated, DiagnosticCodes.SvgBitmapRemoved,
    }.ToDictionary(c => c.Id, StringComparer.Ordinal);
}

/// <summary>A cache entry as read back: its images and the findings recorded with it.</summary>
internal sealed record CacheEntry(NormalizedImage Image, IReadOnlyList<CachedNote> Notes);
