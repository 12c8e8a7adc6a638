using System.Buffers.Binary;

namespace GptBook.Images;

/// <summary>
/// What the file's container structure says, read from the bytes without decoding any pixels: whether the file
/// ends before its structure does (ImageSharp 2.1 decodes some truncated files silently, with grey or black
/// rows), how many frames it holds (ImageSharp 2.1 doesn't report that from the header), and, for JPEG, which
/// segments it carries (to decide whether it may pass through untouched).
/// </summary>
internal static class ImageContainerScanner
{
    public static ContainerFacts Scan(ImageKind kind, ReadOnlySpan<byte> bytes) => kind switch
    {
        ImageKind.Png => ScanPng(bytes),
        ImageKind.Jpeg => ScanJpeg(bytes),
        ImageKind.Gif => ScanGif(bytes),
        ImageKind.Webp => ScanWebp(bytes),
        ImageKind.Bmp => ScanBmp(bytes),
        _ => new ContainerFacts(Truncated: false, FrameCount: 1),
    };

    private static ContainerFacts ScanPng(ReadOnlySpan<byte> b)
    {
        var frames = 1;
        var pos = 8;
        while (pos + 8 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[pos..]);
            var type = b.Slice(pos + 4, 4);
            var end = (long)pos + 12 + length;
            if (end > b.Length) break;
            // acTL announces an animated PNG; ImageSharp 2.1 shows only its default image.
            if (type.SequenceEqual("acTL"u8) && length >= 4)
                frames = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(b[(pos + 8)..]));
            if (type.SequenceEqual("IEND"u8)) return new ContainerFacts(false, Math.Max(frames, 1));
            pos = (int)end;
        }
        return new ContainerFacts(Truncated: true, FrameCount: frames);
    }

    private static ContainerFacts ScanJpeg(ReadOnlySpan<byte> b)
    {
        var markers = new SortedSet<byte>();
        var components = 0;
        var precision = 0;
        var hasJfif = false;
        var pos = 2;
        while (pos < b.Length)
        {
            // Stray bytes between segments are tolerated, as decoders do; only running out of data counts.
            if (b[pos] != 0xFF)
            {
                pos++;
                continue;
            }
            while (pos < b.Length && b[pos] == 0xFF) pos++;
            if (pos >= b.Length) break;
            var marker = b[pos++];
            if (marker == 0xD9)
            {
                markers.Add(marker);
                return new ContainerFacts(false, 1, new JpegSegments(markers, components, precision, hasJfif));
            }
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) continue;
            if (pos + 2 > b.Length) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[pos..]);
            if (length < 2 || pos + length > b.Length) break;
            markers.Add(marker);
            var segment = b.Slice(pos + 2, length - 2);
            if (marker == 0xE0 && segment.StartsWith("JFIF\0"u8)) hasJfif = true;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && segment.Length >= 6)
            {
                precision = segment[0];
                components = segment[5];
            }
            pos += length;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs until the next marker that is not a stuffed 0x00 or a restart.
                while (pos + 1 < b.Length && !(b[pos] == 0xFF && b[pos + 1] is not 0x00 and not 0xFF and not (>= 0xD0 and <= 0xD7)))
                    pos++;
                if (pos + 1 >= b.Length) break;
            }
        }
        return Truncated(markers, components, precision, hasJfif);

        static ContainerFacts Truncated(SortedSet<byte> markers, int components, int precision, bool hasJfif) =>
            new(true, 1, new JpegSegments(markers, components, precision, hasJfif));
    }

    private static ContainerFacts ScanGif(ReadOnlySpan<byte> b)
    {
        if (b.Length < 13) return new ContainerFacts(true, 0);
        var pos = 13;
        var flags = b[10];
        if ((flags & 0x80) != 0) pos += 3 << ((flags & 7) + 1);
        var frames = 0;
        while (pos < b.Length)
        {
            var block = b[pos++];
            if (block == 0x3B) return new ContainerFacts(false, frames);
            if (block == 0x21)
            {
                if (pos >= b.Length) break;
                pos++; // label
            }
            else if (block == 0x2C)
            {
                if (pos + 9 > b.Length) break;
                var imageFlags = b[pos + 8];
                pos += 9;
                if ((imageFlags & 0x80) != 0) pos += 3 << ((imageFlags & 7) + 1);
                pos++; // LZW minimum code size
                frames++;
            }
            else break;
            if (!SkipSubBlocks(b, ref pos)) break;
        }
        // A GIF without its trailer byte but with complete frames is common enough to accept.
        return new ContainerFacts(Truncated: frames == 0 || pos < b.Length, FrameCount: frames);
    }

    /// <summary>Moves past a GIF's data sub-blocks and their terminator; false when the file ends first.</summary>
    internal static bool SkipSubBlocks(ReadOnlySpan<byte> b, ref int pos)
    {
        while (pos < b.Length)
        {
            var size = b[pos++];
            if (size == 0) return true;
            pos += size;
        }
        return false;
    }

    private static ContainerFacts ScanWebp(ReadOnlySpan<byte> b)
    {
        if (b.Length < 12) return new ContainerFacts(true, 0);
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(b[4..]);
        var frames = 0;
        // In 64 bits: a chunk size near 4 GiB must not wrap the position back into the file.
        var pos = 12L;
        while (pos + 8 <= b.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b[(int)(pos + 4)..]);
            if (b.Slice((int)pos, 4).SequenceEqual("ANMF"u8)) frames++;
            pos += 8L + size + (size & 1);
        }
        return new ContainerFacts(Truncated: riffEnd > b.Length || pos > b.Length, FrameCount: Math.Max(frames, 1));
    }

    private static ContainerFacts ScanBmp(ReadOnlySpan<byte> b)
    {
        // The file header states the file size; some writers leave it 0, so only a larger claim counts.
        var declared = b.Length >= 6 ? BinaryPrimitives.ReadUInt32LittleEndian(b[2..]) : 0;
        return new ContainerFacts(Truncated: declared > b.Length, FrameCount: 1);
    }
}

/// <param name="FrameCount">Frames (or pages) in the file; more than one means only the first is used.</param>
/// <param name="Jpeg">For JPEG files, the segments found; null for other formats.</param>
internal sealed record ContainerFacts(bool Truncated, int FrameCount, JpegSegments? Jpeg = null);

/// <summary>The JPEG segment markers present (second byte of each marker), and the frame header's fields.</summary>
internal sealed record JpegSegments(IReadOnlySet<byte> Markers, int Components, int Precision, bool HasJfif)
{
    // SOI, baseline/extended/progressive frames, tables, restart interval, scans, EOI, and APP0 only when it is JFIF.
    private static readonly HashSet<byte> Harmless = [0xD8, 0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, 0xDA, 0xD9];

    /// <summary>
    /// True when the file carries nothing but image data: no EXIF (so no GPS and no orientation), no XMP, IPTC,
    /// ICC profile, Adobe transform or comment segment; 8-bit grey or YCbCr (not CMYK). Such a file may be copied
    /// as it is, without decoding and re-encoding.
    /// </summary>
    public bool IsPlainImageData =>
        Precision == 8 && Components is 1 or 3 &&
        Markers.All(m => Harmless.Contains(m) || (m == 0xE0 && HasJfif));
}
