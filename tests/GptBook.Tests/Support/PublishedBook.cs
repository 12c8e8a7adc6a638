using GptBook.Diagnostics;
using GptBook.Publishing;

namespace GptBook.Tests.Support;

/// <summary>
/// A small book written to a throwaway root and built in-process to all three formats (force, no cache reuse), for
/// tests that read the outputs back. Build one per test class (as a fixture): a build takes a few seconds.
/// </summary>
public sealed class PublishedBook : IDisposable
{
    private readonly TempBookDirectory _root = new();

    /// <param name="files">Paths relative to the temporary folder and their contents.</param>
    /// <param name="bookFile">The book.yml (or single .md) among them.</param>
    public PublishedBook(string id, IReadOnlyDictionary<string, byte[]> files, string bookFile)
    {
        foreach (var (path, bytes) in files) _root.Write(path, bytes);
        Id = id;
        Result = BookPublisher.Publish(new PublishRequest(_root.PathOf(bookFile), Output, OutputFormats.All, Strict: false, Incremental: false),
            new NoObserver());
    }

    public string Id { get; }
    public string Root => _root.Root;
    public string Output => _root.PathOf("out");
    public PublishResult Result { get; }
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;
    public string PdfPath => Path.Combine(Output, Id + ".pdf");
    public string EpubPath => Path.Combine(Output, Id + ".epub");
    public string SiteDirectory => Path.Combine(Output, "site");

    public static byte[] Utf8(string text) => new System.Text.UTF8Encoding(false).GetBytes(text);

    public void Dispose() => _root.Dispose();

    private sealed class NoObserver : IPublishObserver
    {
        public void StageStarted(string stage) { }
        public void StageFinished(string stage, TimeSpan elapsed, string? detail) { }
    }
}
