namespace GptBook.Publishing;

/// <summary>
/// What to build: the book file (book.yml or a single .md), where to, which formats, and how strictly.
/// <see cref="Incremental"/>: skip the images and writers when nothing changed since the last build in that folder.
/// <see cref="LockWait"/>: how long to wait for another build writing to the same output folder (10 minutes when null).
/// </summary>
public sealed record PublishRequest(string BookFile, string OutputDirectory, OutputFormats Formats, bool Strict, bool Incremental = true,
    TimeSpan? LockWait = null)
{
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(10);
}
