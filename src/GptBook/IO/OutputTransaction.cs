using System.Text.Json;

namespace GptBook.IO;

/// <summary>
/// A build's outputs, committed all together or not at all. Writers write into a staging folder with a unique name
/// (<c>&lt;output&gt;/.cache/staging-&lt;process&gt;-&lt;random&gt;/new/</c>, same relative paths as in the output
/// folder); when the build has passed its final check, <see cref="Commit"/> writes a journal, then moves each
/// output into place (an atomic exchange where the system has one, so the old output lands in the staging folder),
/// marks the commit done and deletes the staging folder with the previous outputs in it. A build that stops before
/// the mark (a failure, an exception, a kill) is undone: at once when the process is still alive, else by
/// <see cref="Recover"/> at the next build in that folder, so every previous output comes back byte-identical.
/// Call it only under the folder's <see cref="OutputLock"/>.
/// </summary>
public sealed class OutputTransaction : IDisposable
{
    private const string FolderPrefix = "staging-";
    private const string JournalFile = "journal.json";
    private const string CommittedFile = "committed";

    private readonly string _output;
    private readonly bool _exchange;
    private bool _finished;

    private OutputTransaction(string output, string root, bool exchange)
    {
        _output = output;
        Root = root;
        _exchange = exchange;
    }

    /// <summary>The staging folder; its <c>new/</c> holds what the writers write.</summary>
    public string Root { get; }

    /// <summary>One output of the commit: its path relative to the output folder, whether a previous one was in
    /// place, and the new one's <see cref="ContentHash"/>.</summary>
    private sealed record Entry(string Path, bool Existed, string Hash);

    public static OutputTransaction Begin(string outputDirectory) => Begin(outputDirectory, atomicExchange: true);

    /// <param name="atomicExchange">False: always the two-rename fallback (the tests use it to cover that path).</param>
    internal static OutputTransaction Begin(string outputDirectory, bool atomicExchange)
    {
        var output = System.IO.Path.GetFullPath(outputDirectory);
        var root = System.IO.Path.Combine(CacheOf(output), FolderPrefix + UniqueName.Token());
        Directory.CreateDirectory(System.IO.Path.Combine(root, "new"));
        return new OutputTransaction(output, root, atomicExchange);
    }

    /// <summary>The staged counterpart of the output folder.</summary>
    public string StagedOutput => System.IO.Path.Combine(Root, "new");

    /// <summary>Where a writer writes the output that will be <paramref name="finalPath"/> (its folder exists).</summary>
    public string StagedPath(string finalPath)
    {
        var staged = New(Root, Relative(finalPath));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(staged)!);
        return staged;
    }

    /// <summary>
    /// Moves every staged output among <paramref name="finalPaths"/> into place, all or none; <paramref name="step"/>
    /// is told each <see cref="CommitSteps"/> point. On an I/O failure the outputs already moved are put back before
    /// the exception is rethrown.
    /// </summary>
    public void Commit(IEnumerable<string> finalPaths, Action<string> step)
    {
        var entries = finalPaths.Select(Relative)
            .Where(r => Exists(New(Root, r)))
            .Select(r => new Entry(r, Exists(Final(r)), ContentHash.Of(New(Root, r))!))
            .ToList();
        step(CommitSteps.Staged);
        WriteJournal(Root, entries);
        step(CommitSteps.Prepared);
        foreach (var entry in entries)
        {
            MoveIntoPlace(entry);
            step(CommitSteps.Moved(entry.Path));
        }
        AtomicFile.WriteAllBytes(System.IO.Path.Combine(Root, CommittedFile), []);
        step(CommitSteps.Committed);
        _finished = true;
        DeleteQuietly(Root);
    }

    /// <summary>
    /// Undoes whatever part of the commit happened (nothing, if it never began) and removes the staging folder.
    /// Returns the outputs that were put back. When this fails too, the staging folder stays for <see cref="Recover"/>.
    /// </summary>
    public IReadOnlyList<string> RollBack()
    {
        if (_finished) return [];
        _finished = true;
        return Undo(_output, Root, _exchange);
    }

    /// <summary>A transaction not committed is rolled back; a failure to do so is left to the next build's <see cref="Recover"/>.</summary>
    public void Dispose()
    {
        try
        {
            RollBack();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The journal and the previous outputs stay in the staging folder, under the lock's protection.
        }
    }

    /// <summary>
    /// Finishes off the staging folders that interrupted builds left in <paramref name="outputDirectory"/>: a commit
    /// that was marked done only loses its leftovers; one that was not is undone. Returns the outputs that were put
    /// back (relative paths).
    /// </summary>
    public static IReadOnlyList<string> Recover(string outputDirectory) => Recover(outputDirectory, atomicExchange: true);

    internal static IReadOnlyList<string> Recover(string outputDirectory, bool atomicExchange)
    {
        var output = System.IO.Path.GetFullPath(outputDirectory);
        var cache = CacheOf(output);
        if (!Directory.Exists(cache)) return [];
        var restored = new List<string>();
        foreach (var root in Directory.GetDirectories(cache, FolderPrefix + "*").Order(StringComparer.Ordinal))
            restored.AddRange(Undo(output, root, atomicExchange));
        return restored;
    }

    private void MoveIntoPlace(Entry entry)
    {
        var (staged, final) = (New(Root, entry.Path), Final(entry.Path));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(final)!);
        if (!entry.Existed)
        {
            Move(staged, final);
            return;
        }
        // The previous output lands in the staging folder and is deleted with it once the commit is done.
        if (_exchange && PathExchange.TryExchange(staged, final)) return;
        // The documented fallback: the previous output is moved aside first, and for a moment the target is absent.
        var aside = Aside(Root, entry.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(aside)!);
        Move(final, aside);
        Move(staged, final);
    }

    /// <summary>
    /// Puts every previous output of the commit in <paramref name="root"/> back, unless the commit was marked done,
    /// then deletes the folder. Each entry is judged by what is on disk, so an undo that was itself interrupted is
    /// finished by the next one.
    /// </summary>
    private static List<string> Undo(string output, string root, bool exchange)
    {
        var restored = new List<string>();
        var journal = ReadJournal(root);
        if (journal != null && !File.Exists(System.IO.Path.Combine(root, CommittedFile)))
        {
            foreach (var entry in Enumerable.Reverse(journal))
            {
                if (UndoEntry(output, root, entry, exchange)) restored.Add(entry.Path);
            }
        }
        DeleteQuietly(root);
        return restored;
    }

    private static bool UndoEntry(string output, string root, Entry entry, bool exchange)
    {
        var final = System.IO.Path.Combine(output, entry.Path);
        var staged = New(root, entry.Path);
        var aside = Aside(root, entry.Path);
        if (Exists(aside))
        {
            // The fallback moved the previous output aside: whatever is in its place now is new.
            Delete(final);
            Move(aside, final);
            return true;
        }
        if (!Exists(final))
        {
            // An undo by two renames stopped halfway: the previous output waits in the staging folder.
            if (!entry.Existed || !Exists(staged)) return false;
            Move(staged, final);
            return true;
        }
        if (ContentHash.Of(final) != entry.Hash) return false; // the previous output is in place
        if (!entry.Existed)
        {
            Delete(final);
            return true;
        }
        // Exchanged: the staging folder holds the previous output. (When the previous and the new output are
        // byte-identical this swaps equals, which changes nothing.)
        if (!Exists(staged)) return false;
        if (!exchange || !PathExchange.TryExchange(staged, final))
        {
            var discard = System.IO.Path.Combine(root, "discard", entry.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(discard)!);
            Move(final, discard);
            Move(staged, final);
        }
        return true;
    }

    private static void WriteJournal(string root, IReadOnlyList<Entry> entries) =>
        AtomicFile.Write(System.IO.Path.Combine(root, JournalFile), stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartArray();
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteString("path", e.Path);
                json.WriteBoolean("existed", e.Existed);
                json.WriteString("hash", e.Hash);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });

    /// <summary>Null when there is no journal (the build stopped before its commit began) or it cannot be read
    /// (it is written whole or not at all, so that means the same).</summary>
    private static List<Entry>? ReadJournal(string root)
    {
        var path = System.IO.Path.Combine(root, JournalFile);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.EnumerateArray().Select(e => new Entry(
                e.GetProperty("path").GetString()!, e.GetProperty("existed").GetBoolean(), e.GetProperty("hash").GetString()!)).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private string Relative(string finalPath)
    {
        var relative = System.IO.Path.GetRelativePath(_output, System.IO.Path.GetFullPath(finalPath));
        if (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
            throw new ArgumentException($"{finalPath} is not inside the output folder {_output}", nameof(finalPath));
        return relative;
    }

    private string Final(string relative) => System.IO.Path.Combine(_output, relative);

    private static string CacheOf(string output) => System.IO.Path.Combine(output, ".cache");

    private static string New(string root, string relative) => System.IO.Path.Combine(root, "new", relative);

    private static string Aside(string root, string relative) => System.IO.Path.Combine(root, "previous", relative);

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from)) Directory.Move(from, to);
        else File.Move(from, to);
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>Leftovers only cost space, and the next build's <see cref="Recover"/> tries again.</summary>
    private static void DeleteQuietly(string path)
    {
        try
        {
            Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
