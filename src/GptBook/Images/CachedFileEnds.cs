namespace GptBook.Images;

/// <summary>
/// Whether a prepared file in the image cache starts as its format must and does not end in zeros. The cache does not
/// flush each file to the disk (<see cref="ImageCache"/>); after a power cut a file can come back short, which its
/// recorded length catches, or at its full length with blocks of zeros where the data never reached the disk, which
/// only its bytes show. Its first and last bytes tell, without reading the whole file on every build. (The end is
/// not matched against the format's end marker: a JPEG copied from its source may carry bytes after it.)
/// </summary>
internal static class CachedFileEnds
{
    private static readonly byte[] PngStart = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool AreWhole(string path, string mediaType)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (stream.Length < 16) return false;
            Span<byte> head = stackalloc byte[12];
            Span<byte> tail = stackalloc byte[8];
            stream.ReadExactly(head);
            stream.Seek(-tail.Length, SeekOrigin.End);
            stream.ReadExactly(tail);
            if (!tail.ContainsAnyExcept((byte)0)) return false;
            return mediaType switch
            {
                "image/png" => head[..8].SequenceEqual(PngStart),
                "image/jpeg" => head[0] == 0xFF && head[1] == 0xD8,
                "image/webp" => head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
                "image/gif" => head[..3].SequenceEqual("GIF"u8),
                _ => head.ContainsAnyExcept((byte)0),
            };
        }
        catch (IOException)
        {
            return false;
        }
    }
}
