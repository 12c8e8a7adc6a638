using System.Diagnostics.CodeAnalysis;

namespace GptBook.Site.Preview;

/// <summary>
/// Watches a book's folder and calls the caller's rebuild once things have been quiet for a moment, so that an
/// editor's burst of writes (temp file, rename, touch) becomes one rebuild. Rebuilds never overlap: a change
/// during a rebuild schedules one more afterwards. Paths the caller ignores (the output folder, above all, or a
/// rebuild would trigger itself forever) don't count, and neither do hidden files and folders (.git, editor swap
/// files), which are never part of a book.
/// </summary>
public sealed class SourceChangeWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Func<string, bool> _ignore;
    private readonly Action _rebuild;
    private readonly TimeSpan _quietPeriod;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private bool _running;
    private bool _pendingWhileRunning;

    /// <param name="directory">The folder to watch, recursively (the book root).</param>
    /// <param name="rebuild">Called on a thread-pool thread; exceptions are passed to <paramref name="onError"/>.</param>
    /// <param name="ignore">True for full paths whose changes must not trigger a rebuild.</param>
    /// <param name="quietPeriod">How long nothing must change before the rebuild starts; 300 ms if null.</param>
    /// <param name="onError">Told about a failed rebuild (default: standard error), so that watching goes on.</param>
    [SuppressMessage("Design", "CA1031", Justification = "A failed rebuild, whatever its cause, is reported and watching goes on; an exception on the timer thread would end the process.")]
    public SourceChangeWatcher(string directory, Action rebuild, Func<string, bool> ignore, TimeSpan? quietPeriod = null,
        Action<Exception>? onError = null)
    {
        _rebuild = () =>
        {
            try { rebuild(); }
            catch (Exception e) { (onError ?? (ex => Console.Error.WriteLine($"rebuild failed: {ex.Message}")))(e); }
        };
        _ignore = ignore;
        _quietPeriod = quietPeriod ?? TimeSpan.FromMilliseconds(300);
        _timer = new Timer(_ => RunRebuild(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Path.GetFullPath(directory))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += (s, e) => { OnChanged(s, e); OnPath(e.OldFullPath); };
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => OnPath(e.FullPath);

    private void OnPath(string fullPath)
    {
        if (IsHidden(fullPath) || _ignore(fullPath)) return;
        lock (_lock)
        {
            if (_running) _pendingWhileRunning = true;
            else _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private bool IsHidden(string fullPath) =>
        Path.GetRelativePath(_watcher.Path, fullPath).Split(Path.DirectorySeparatorChar).Any(segment => segment.StartsWith('.') && segment != "..");

    private void RunRebuild()
    {
        lock (_lock)
        {
            if (_running) { _pendingWhileRunning = true; return; }
            _running = true;
        }
        try { _rebuild(); }
        finally
        {
            lock (_lock)
            {
                _running = false;
                if (_pendingWhileRunning)
                {
                    _pendingWhileRunning = false;
                    _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }
}
