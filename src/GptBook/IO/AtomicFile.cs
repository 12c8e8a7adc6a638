namespace GptBook.IO;

/// <summary>
/// Writes outputs so that a reader of the target never sees a half-written file, and a failed build leaves the
/// previous output in place: everything goes to a temporary sibling first and is moved over the target only
/// when complete. Temporary names are unique per write (<see cref="UniqueName"/>), so two processes writing the same
/// target never touch each other's temporary file; the last complete write wins.
/// </summary>
public static class AtomicFile
{
    /// <param name="durable">Whether the bytes are flushed to the disk before the file is moved into place, so
    /// that a power cut cannot leave the target empty. A cache that checks what it reads (the image cache compares
    /// each file's length with its manifest) passes false: a flush cost 5–20 ms on the development machine, and a
    /// cold build of the article makes some fifty cache files.</param>
    public static void Write(string path, Action<Stream> write, bool durable = true)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = UniqueName.Beside(full, "tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, bool durable = true)
    {
        var copy = bytes.ToArray();
        Write(path, s => s.Write(copy), durable);
    }

    /// <summary>
    /// Builds a whole folder in a temporary sibling, then swaps it in place of <paramref name="directory"/> in one
    /// step where the system can (<see cref="PathExchange"/>), else by two renames. If <paramref name="build"/>
    /// throws, the previous folder is untouched. (A build commits its site through <see cref="OutputTransaction"/>;
    /// this is for a folder written on its own.)
    /// </summary>
    public static void ReplaceDirectory(string directory, Action<string> build)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var temp = UniqueName.Beside(full, "staging");
        var old = UniqueName.Beside(full, "previous");
        Directory.CreateDirectory(temp);
        try
        {
            build(temp);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
        if (!Directory.Exists(full))
        {
            Directory.Move(temp, full);
            return;
        }
        if (PathExchange.TryExchange(temp, full))
        {
            Directory.Delete(temp, recursive: true); // now the previous folder
            return;
        }
        Directory.Move(full, old);
        Directory.Move(temp, full);
        Directory.Delete(old, recursive: true);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
