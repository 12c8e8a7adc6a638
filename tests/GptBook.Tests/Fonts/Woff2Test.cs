using System.Buffers.Binary;
using System.IO.Compression;

namespace GptBook.Tests.Fonts;

/// <summary>
/// A reader of WOFF2 files written the way GptBook writes them (tables with the null transform), for the tests: it
/// checks the header and directory the spec's way and rebuilds the TrueType file, which must then parse.
/// </summary>
internal static class Woff2Test
{
    private static readonly string[] KnownTags =
    [
        "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ",
        "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS",
        "GSUB", "EBSC", "JSTF", "MATH", "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar", "bdat", "bloc",
        "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar", "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop",
        "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
    ];

    public static byte[] Decode(byte[] woff2)
    {
        var span = woff2.AsSpan();
        Assert.Equal(0x774F4632u, BinaryPrimitives.ReadUInt32BigEndian(span));
        Assert.Equal((uint)woff2.Length, BinaryPrimitives.ReadUInt32BigEndian(span[8..]));
        Assert.Equal(0, woff2.Length % 4);
        int count = BinaryPrimitives.ReadUInt16BigEndian(span[12..]);
        var sfntSize = BinaryPrimitives.ReadUInt32BigEndian(span[16..]);
        var compressedSize = (int)BinaryPrimitives.ReadUInt32BigEndian(span[20..]);
        var at = 48;
        var tables = new List<(string Tag, int Length)>();
        for (var i = 0; i < count; i++)
        {
            var flags = woff2[at++];
            var tag = (flags & 63) == 63 ? System.Text.Encoding.ASCII.GetString(woff2, at, 4) : KnownTags[flags & 63];
            if ((flags & 63) == 63) at += 4;
            var version = flags >> 6;
            Assert.True(tag is "glyf" or "loca" ? version == 3 : version == 0, $"{tag} is transformed (version {version})");
            uint length = 0;
            byte b;
            do { b = woff2[at++]; length = (length << 7) | (uint)(b & 0x7F); } while ((b & 0x80) != 0);
            tables.Add((tag, (int)length));
        }
        var stream = new byte[tables.Sum(t => t.Length)];
        Assert.True(BrotliDecoder.TryDecompress(span.Slice(at, compressedSize), stream, out var written) && written == stream.Length,
            "the Brotli stream does not hold exactly the tables");
        var sfnt = new byte[sfntSize];
        BinaryPrimitives.WriteUInt32BigEndian(sfnt, BinaryPrimitives.ReadUInt32BigEndian(span[4..]));
        BinaryPrimitives.WriteUInt16BigEndian(sfnt.AsSpan(4), (ushort)count);
        var power = 1;
        var log = 0;
        while (power * 2 <= count) { power *= 2; log++; }
        BinaryPrimitives.WriteUInt16BigEndian(sfnt.AsSpan(6), (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(sfnt.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(sfnt.AsSpan(10), (ushort)(16 * count - 16 * power));
        var offset = 12 + 16 * count;
        var from = 0;
        for (var i = 0; i < count; i++)
        {
            var (tag, length) = tables[i];
            var entry = sfnt.AsSpan(12 + 16 * i);
            for (var k = 0; k < 4; k++) entry[k] = (byte)tag[k];
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)length);
            stream.AsSpan(from, length).CopyTo(sfnt.AsSpan(offset));
            // head's checksum is taken with its checkSumAdjustment at zero (the OpenType rule).
            var data = stream.AsSpan(from, length).ToArray();
            if (tag == "head") data.AsSpan(8, 4).Clear();
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(data));
            from += length;
            offset += (length + 3) & ~3;
        }
        Assert.Equal((int)sfntSize, offset);
        return sfnt;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++) word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            sum = unchecked(sum + word);
        }
        return sum;
    }
}
