namespace GptBook.Tests.Support;

/// <summary>
/// Every file of an output folder with its bytes, for "a failed build leaves every previous output byte-identical".
/// The image and derived-file caches are left out (a failed build may fill them; they are not outputs); the last
/// build's manifest and the lock file are in.
/// </summary>
public sealed class OutputSnapshot
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    private OutputSnapshot() { }

    public IReadOnlyCollection<string> Files => _files.Keys;

    public static OutputSnapshot Take(string outputDirectory)
    {
        var snapshot = new OutputSnapshot();
        foreach (var file in Directory.GetFiles(outputDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(outputDirectory, file).Replace('\\', '/');
            if (relative.StartsWith(".cache/images/", StringComparison.Ordinal) || relative.StartsWith(".cache/derived/", StringComparison.Ordinal))
                continue;
            snapshot._files[relative] = File.ReadAllBytes(file);
        }
        return snapshot;
    }

    /// <summary>Fails naming the first file added, removed or changed.</summary>
    public void AssertSameAs(OutputSnapshot other)
    {
        Assert.Equal(string.Join("\n", _files.Keys), string.Join("\n", other._files.Keys));
        foreach (var (file, bytes) in _files)
            Assert.True(bytes.AsSpan().SequenceEqual(other._files[file]), $"{file} changed");
    }
}
