namespace GptBook.Images;

/// <summary>
/// Keeps an animated GIF animated for the EPUB and the site (both show GIF animation; re-encoding would cost a
/// quantization per frame and change colours): the file is copied block by block, keeping only what draws the
/// frames — the header and screen descriptor with the global colour table, graphic control extensions (delays,
/// transparency, disposal), each image with its local colour table and compressed data, the NETSCAPE2.0 loop
/// count — and dropping comments, plain-text and other application extensions (XMP rides in one), so no metadata
/// reaches the output. The walk checks every length against the file; anything it does not understand makes it
/// give up (null), and the stage falls back to the first frame.
/// </summary>
internal static class GifAnimationCopier
{
    public static byte[]? Copy(ReadOnlySpan<byte> b)
    {
        if (b.Length < 13 || !(b[..6].SequenceEqual("GIF89a"u8) || b[..6].SequenceEqual("GIF87a"u8))) return null;
        var output = new List<byte>(b.Length);
        var pos = 13;
        if ((b[10] & 0x80) != 0) pos += 3 << ((b[10] & 7) + 1);
        if (pos > b.Length) return null;
        output.AddRange(b[..pos]);
        while (pos < b.Length)
        {
            var start = pos;
            var block = b[pos++];
            if (block == 0x3B)
            {
                output.Add(0x3B);
                return [.. output];
            }
            bool keep;
            if (block == 0x21)
            {
                if (pos >= b.Length) return null;
                var label = b[pos++];
                keep = label == 0xF9 || (label == 0xFF && IsLoopExtension(b[pos..]));
            }
            else if (block == 0x2C)
            {
                if (pos + 10 > b.Length) return null;
                var flags = b[pos + 8];
                pos += 9;
                if ((flags & 0x80) != 0) pos += 3 << ((flags & 7) + 1);
                pos++; // LZW minimum code size
                keep = true;
            }
            else return null;
            if (!ImageContainerScanner.SkipSubBlocks(b, ref pos)) return null;
            if (keep) output.AddRange(b[start..pos]);
        }
        // The last frame ended at the end of the file: only the trailer byte is missing (common); add it.
        output.Add(0x3B);
        return [.. output];
    }

    /// <summary>An application extension naming NETSCAPE2.0 or ANIMEXTS1.0: the loop count.</summary>
    private static bool IsLoopExtension(ReadOnlySpan<byte> rest) =>
        rest.Length >= 12 && rest[0] == 11 && (rest[1..12].SequenceEqual("NETSCAPE2.0"u8) || rest[1..12].SequenceEqual("ANIMEXTS1.0"u8));
}
