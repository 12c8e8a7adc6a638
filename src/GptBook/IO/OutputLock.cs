namespace GptBook.IO;

/// <summary>
/// One build at a time per output folder. The lock is an exclusive open of <c>&lt;output&gt;/.cache/build.lock</c>:
/// on Linux and macOS .NET takes it with <c>flock</c>, on Windows with a sharing mode, and the system releases it
/// when the process ends however it ends, so a killed build never leaves the folder locked. The file's bytes never
/// change; only its being open matters.
/// </summary>
public sealed class OutputLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _file;

    private OutputLock(FileStream file) => _file = file;

    public static string PathIn(string outputDirectory) => Path.Combine(outputDirectory, ".cache", "build.lock");

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="wait"/> for another build to release it;
    /// <paramref name="waiting"/> is told once when the wait begins. Null when the other build still holds it.
    /// </summary>
    public static OutputLock? Acquire(string outputDirectory, TimeSpan wait, Action waiting)
    {
        var path = PathIn(outputDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            if (TryOpen(path) is { } file) return new OutputLock(file);
            if (DateTime.UtcNow >= deadline) return null;
            if (!told)
            {
                waiting();
                told = true;
            }
            Thread.Sleep(PollInterval);
        }
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null; // held by another build (a sharing violation); other failures surface on the next try's deadline
        }
    }

    public void Dispose() => _file.Dispose();
}
