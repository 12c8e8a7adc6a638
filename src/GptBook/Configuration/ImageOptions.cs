namespace GptBook.Configuration;

/// <summary>
/// Image limits and per-output profiles. The limits are checked from the file header before any decoding.
/// </summary>
public sealed record ImageOptions
{
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;
    public long MaxPixels { get; init; } = 40_000_000;
    public int JpegQuality { get; init; } = 85;
    /// <summary>Print: at most this many pixels per inch at the printed size; never upscaled.</summary>
    public int PrintMaxDpi { get; init; } = 300;
    /// <summary>EPUB: the longest side, in pixels.</summary>
    public int EpubMaxSide { get; init; } = 1600;
    /// <summary>Site: the 1× width in CSS pixels; a 2× variant is made when the source is wide enough.</summary>
    public int SiteWidth { get; init; } = 720;
    public bool SiteRetina { get; init; } = true;
}
