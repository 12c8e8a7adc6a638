using System.IO.Compression;

namespace GptBook.Epub;

/// <summary>
/// Writes the OCF zip: <c>mimetype</c> first, stored (uncompressed, no extra field), then every other entry in
/// ordinal path order, deflated, all with the same timestamp, so the same package always gives the same bytes.
/// The stream must be seekable (sizes are then written into the local headers, not in data descriptors, which
/// the OCF spec and epubcheck require for mimetype).
/// </summary>
public static class EpubZipWriter
{
    public const string MimeType = "application/epub+zip";

    public static void Write(Stream output, IReadOnlyDictionary<string, byte[]> entries, DateTimeOffset timestamp)
    {
        if (!output.CanSeek) throw new ArgumentException("the EPUB zip must be written to a seekable stream", nameof(output));
        var stamp = DosTime(timestamp);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "mimetype", System.Text.Encoding.ASCII.GetBytes(MimeType), CompressionLevel.NoCompression, stamp);
        foreach (var (path, bytes) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            Add(zip, path, bytes, CompressionLevel.Optimal, stamp);
    }

    private static void Add(ZipArchive zip, string path, byte[] bytes, CompressionLevel level, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(path, level);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    /// <summary>Zip times are local DOS times from 1980 to 2107 with two-second steps; clamp into that range.</summary>
    private static DateTimeOffset DosTime(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        if (utc.Year < 1980) utc = new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (utc.Year > 2107) utc = new DateTime(2107, 12, 31, 23, 59, 58, DateTimeKind.Utc);
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second / 2 * 2, TimeSpan.Zero);
    }
}
