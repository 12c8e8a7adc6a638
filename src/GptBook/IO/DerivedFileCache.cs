using System.Security.Cryptography;
using System.Text;

namespace GptBook.IO;

/// <summary>
/// Bytes that are costly to make but depend only on a few inputs (the drawn EPUB cover, the site's scaled cover),
/// kept in the output's .cache folder under a SHA-256 of those inputs and of the code that makes them
/// (<see cref="IO.CodeIdentity"/>: this library and the version of every package it uses). A missing or unreadable entry, or
/// one its reader refuses, is made again and written over; entries are written through a temporary file, so a
/// half-written entry is never read.
/// </summary>
public sealed class DerivedFileCache(string directory)
{
    /// <summary>No cache: every request makes its bytes.</summary>
    public static DerivedFileCache None { get; } = new("");

    /// <param name="isUsable">Whether a stored entry can be read (a damaged one is made again and replaced, so it
    /// does not cost its making on every build); any entry when null.</param>
    public byte[] GetOrCreate(string kind, IEnumerable<string> inputs, Func<byte[]> create, Func<byte[], bool>? isUsable = null)
    {
        if (directory.Length == 0) return create();
        var path = Path.Combine(directory, kind + "-" + Key(kind, inputs) + ".bin");
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path) is var stored && (isUsable == null || isUsable(stored))) return stored;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable entry: make the bytes again below.
        }
        var bytes = create();
        try
        {
            Directory.CreateDirectory(directory);
            AtomicFile.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs time, not correctness.
        }
        return bytes;
    }

    /// <summary>The fonts' identity as the build fingerprint sees it: file names and sizes (hashing 60 MB of fonts
    /// on every build would cost more than the cover).</summary>
    public static IEnumerable<string> FontInputs(string fontsDirectory) =>
        Directory.GetFiles(fontsDirectory, "*.ttf").Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}");

    private static string Key(string kind, IEnumerable<string> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in CodeIdentity.Parts.Concat(inputs.Prepend(kind)))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
