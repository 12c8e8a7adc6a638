using System.Security.Cryptography;
using System.Text;

namespace GptBook.IO;

/// <summary>
/// A SHA-256 of a file's bytes, or of a folder's files (their relative paths and hashes, in ordinal order): how
/// the commit's recovery tells whether an output in place is the new one or the previous one.
/// </summary>
public static class ContentHash
{
    /// <summary>Null when nothing is at <paramref name="path"/>.</summary>
    public static string? Of(string path)
    {
        if (File.Exists(path)) return OfFile(path);
        if (!Directory.Exists(path)) return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(path, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0" + OfFile(Path.Combine(path, file)) + "\0"));
        }
        return "dir:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
