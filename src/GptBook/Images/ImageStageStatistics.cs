namespace GptBook.Images;

/// <summary>
/// Counters for one run of the image stage. <see cref="Decoded"/> counts full pixel decodes (header reads with
/// Image.Identify don't count): a rebuild whose images are all cached decodes nothing.
/// </summary>
public sealed class ImageStageStatistics
{
    private int _decoded;
    private int _cacheHits;
    private int _written;

    public int Decoded => Volatile.Read(ref _decoded);

    /// <summary>Prepared images (one per source and profile) taken from the cache.</summary>
    public int CacheHits => Volatile.Read(ref _cacheHits);

    /// <summary>Prepared images (one per source and profile) written to the cache in this run.</summary>
    public int Written => Volatile.Read(ref _written);

    internal void CountDecode() => Interlocked.Increment(ref _decoded);

    internal void CountCacheHit() => Interlocked.Increment(ref _cacheHits);

    internal void CountWrite() => Interlocked.Increment(ref _written);
}
