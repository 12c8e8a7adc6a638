namespace GptBook.IO;

/// <summary>
/// Names for temporary files and folders that no other writer can pick: two processes (a <c>serve</c> and a
/// <c>cake</c>, or two builds of one book into different folders) may write beside the same target at once, and a
/// fixed name like <c>target.partial</c> would let one truncate or move the other's half-written file.
/// </summary>
public static class UniqueName
{
    /// <summary>A hidden sibling of <paramref name="path"/>: <c>.name.&lt;process&gt;-&lt;random&gt;.suffix</c>.</summary>
    public static string Beside(string path, string suffix)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Token()}.{suffix}");
    }

    /// <summary>The process id (for a person looking at a leftover) and 64 random bits (for uniqueness).</summary>
    public static string Token() =>
        $"{Environment.ProcessId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}";
}
