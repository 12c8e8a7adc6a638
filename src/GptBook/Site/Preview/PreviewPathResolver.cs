namespace GptBook.Site.Preview;

/// <summary>
/// Maps a request target to a file inside the served folder, or to nothing. The decision is made on the fully
/// resolved path (after percent-decoding, dot segments and symbolic links), so no spelling of a path can reach
/// a file outside the folder.
/// </summary>
public static class PreviewPathResolver
{
    /// <returns>The absolute path of an existing file under <paramref name="root"/>, or null.</returns>
    public static string? Resolve(string root, string requestTarget)
    {
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var path = requestTarget;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0) path = path[..cut];
        if (!path.StartsWith('/')) return null;

        string decoded;
        try { decoded = Uri.UnescapeDataString(path); }
        catch (UriFormatException) { return null; }
        // A backslash or NUL has no business in a site path, and a backslash would be a separator on Windows.
        if (decoded.Contains('\\') || decoded.Contains('\0')) return null;

        var segments = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.StartsWith('.'))) return null;

        var candidate = Path.GetFullPath(Path.Combine([root, .. segments]));
        if (Directory.Exists(candidate)) candidate = Path.Combine(candidate, "index.html");
        if (!IsInside(root, candidate) || !File.Exists(candidate)) return null;

        // Follow symbolic links (of the file and of every folder on the way) and check the real location too.
        var real = RealPath(candidate);
        var realRoot = RealPath(root);
        return real != null && realRoot != null && IsInside(realRoot, real) ? candidate : null;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? RealPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = Path.GetPathRoot(full)!;
            foreach (var part in parts)
            {
                current = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget != null)
                {
                    var target = info.ResolveLinkTarget(returnFinalTarget: true);
                    if (target == null) return null;
                    current = Path.GetFullPath(target.FullName);
                }
            }
            return current;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
