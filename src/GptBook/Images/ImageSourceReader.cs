using GptBook.Diagnostics;

namespace GptBook.Images;

/// <summary>
/// Reads a local source image's bytes, and nothing else: the path must stay inside the book root even after
/// following symbolic links, and the file must be within the size limit before a single byte is read.
/// </summary>
internal static class ImageSourceReader
{
    public static byte[]? Read(string rootDirectory, string relativePath, long maxBytes, out ImageProblem? problem)
    {
        problem = null;
        var root = Path.GetFullPath(rootDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!IsInside(root, full) || EscapesThroughLink(root, full))
        {
            problem = new ImageProblem(DiagnosticCodes.PathOutsideRoot, $"image path escapes the book root: {relativePath}");
            return null;
        }
        var file = new FileInfo(full);
        if (!file.Exists)
        {
            problem = new ImageProblem(DiagnosticCodes.ImageMissing, $"image file not found: {relativePath}");
            return null;
        }
        if (file.Length == 0)
        {
            problem = new ImageProblem(DiagnosticCodes.ImageEmpty, $"image file is empty (0 bytes): {relativePath}");
            return null;
        }
        if (file.Length > maxBytes)
        {
            problem = TooLarge(relativePath, file.Length, maxBytes);
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ImageProblem(DiagnosticCodes.ImageMissing, $"image file cannot be read: {relativePath} ({e.Message})");
            return null;
        }
        // The file may have changed between the check and the read.
        if (bytes.Length > maxBytes)
        {
            problem = TooLarge(relativePath, bytes.Length, maxBytes);
            return null;
        }
        if (bytes.Length == 0)
        {
            problem = new ImageProblem(DiagnosticCodes.ImageEmpty, $"image file is empty (0 bytes): {relativePath}");
            return null;
        }
        return bytes;
    }

    private static ImageProblem TooLarge(string path, long length, long maxBytes) =>
        new(DiagnosticCodes.ImageTooLarge, $"image file is {length:N0} bytes, more than the limit of {maxBytes:N0} (images.max_bytes): {path}");

    private static bool IsInside(string root, string full)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>True if the file, or a folder between the root and it, is a link whose final target is outside.</summary>
    private static bool EscapesThroughLink(string root, string full)
    {
        for (var path = full; path.Length > root.Length && IsInside(root, path); path = Path.GetDirectoryName(path)!)
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.LinkTarget == null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target == null || !IsInside(root, Path.GetFullPath(target.FullName))) return true;
        }
        return false;
    }
}
