
namespace GptBook.Sources;

/// <summary>Why a path was refused; <see cref="None"/> when it resolved inside the book root.</summary>
public enum PathRefusal { None, EscapesRoot, Absolute, FileUrl, ControlCharacter }

/// <summary>
/// The outcome of resolving a path: a root-relative path with forward slashes, or the reason it was refused.
/// </summary>
public readonly record struct RootedPath(string? Path, PathRefusal Refusal)
{
    public bool IsInside => Refusal == PathRefusal.None;
}

/// <summary>
/// Confines every resource path to the book root: nothing outside it is ever read. Paths are resolved lexically
/// (so <c>..</c> cannot climb out) and then through symbolic links (so a link inside the root cannot point out).
/// </summary>
public static class RootedPathResolver
{
    /// <summary>
    /// Resolves <paramref name="reference"/> (already percent-decoded) against <paramref name="baseDirectory"/>,
    /// a root-relative folder ("" for the root itself).
    /// </summary>
    public static RootedPath Resolve(string reference, string baseDirectory, string rootDirectory)
    {
        var r = reference.Trim();
        if (r.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return new(null, PathRefusal.FileUrl);
        if (IsAbsolute(r)) return new(null, PathRefusal.Absolute);
        // A NUL (or any control character) is never part of a real file name; the file system APIs throw on it.
        if (r.Any(char.IsControl)) return new(null, PathRefusal.ControlCharacter);

        var segments = new List<string>();
        foreach (var part in (baseDirectory + "/" + r).Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (segments.Count == 0) return new(null, PathRefusal.EscapesRoot);
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(part);
        }
        var relative = string.Join('/', segments);
        if (!StaysInsideThroughLinks(rootDirectory, segments)) return new(null, PathRefusal.EscapesRoot);
        return new(relative, PathRefusal.None);
    }

    /// <summary>A human description of the refusal, for diagnostics.</summary>
    public static string Describe(PathRefusal refusal) => refusal switch
    {
        PathRefusal.EscapesRoot => "path escapes the book root",
        PathRefusal.Absolute => "absolute path",
        PathRefusal.FileUrl => "file: URL",
        PathRefusal.ControlCharacter => "path contains a control character",
        _ => "inside the book root",
    };

    public static Diagnostics.DiagnosticCode CodeFor(PathRefusal refusal) => refusal switch
    {
        PathRefusal.Absolute => Diagnostics.DiagnosticCodes.AbsolutePath,
        PathRefusal.FileUrl => Diagnostics.DiagnosticCodes.FileUrl,
        PathRefusal.ControlCharacter => Diagnostics.DiagnosticCodes.PathControlCharacter,
        _ => Diagnostics.DiagnosticCodes.PathOutsideRoot,
    };

    private static bool IsAbsolute(string r) =>
        r.StartsWith('/') || r.StartsWith('\\') || r == "~" || r.StartsWith("~/")
        || (r.Length >= 2 && char.IsAsciiLetter(r[0]) && r[1] == ':');

    /// <summary>Walks the path one segment at a time; any symbolic link on the way must land inside the root.</summary>
    private static bool StaysInsideThroughLinks(string rootDirectory, List<string> segments)
    {
        var root = RealPath(Path.GetFullPath(rootDirectory));
        var current = Path.GetFullPath(rootDirectory);
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (!info.Exists) return true; // the rest does not exist: nothing can be read through it
            if (info.LinkTarget == null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target == null) return true;
            var real = RealPath(target.FullName);
            if (!IsUnder(real, root)) return false;
            current = real;
        }
        return true;
    }

    private static string RealPath(string fullPath)
    {
        var info = new DirectoryInfo(fullPath);
        var target = info.Exists && info.LinkTarget != null ? info.ResolveLinkTarget(true) : null;
        return Path.TrimEndingDirectorySeparator(target?.FullName ?? fullPath);
    }

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
