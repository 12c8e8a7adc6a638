using System.Text;

namespace GptBook.Tests.Support;

/// <summary>A throwaway book root for tests that need files the repository should not hold (bad bytes, links).</summary>
public sealed class TempBookDirectory : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "gptbook-test-" + Guid.NewGuid().ToString("N"));

    public TempBookDirectory() => Directory.CreateDirectory(Root);

    public string Write(string relativePath, string text) => Write(relativePath, new UTF8Encoding(false).GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless; failing the test over it would hide its real result
        }
    }
}
