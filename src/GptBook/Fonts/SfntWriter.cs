using System.Buffers.Binary;

namespace GptBook.Fonts;

/// <summary>
/// Assembles tables into a TrueType file: the offset table, a directory sorted by tag with each table's checksum,
/// the tables on 4-byte boundaries, and head's checkSumAdjustment set so that the whole file sums to 0xB1B0AFBA.
/// </summary>
internal static class SfntWriter
{
    public static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var headerLength = 12 + 16 * count;
        var length = headerLength + tables.Values.Sum(t => Pad(t.Length));
        var file = new byte[length];
        var span = file.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        var power = 1;
        var log = 0;
        while (power * 2 <= count) { power *= 2; log++; }
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(16 * count - 16 * power));

        var offset = headerLength;
        var headAt = -1;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            if (tag == "head")
            {
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 0); // checkSumAdjustment, set below
                headAt = offset;
            }
            var entry = span[(12 + 16 * i)..];
            for (var k = 0; k < 4; k++) entry[k] = (byte)tag[k];
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            offset += Pad(data.Length);
            i++;
        }
        if (headAt >= 0) BinaryPrimitives.WriteUInt32BigEndian(span[(headAt + 8)..], unchecked(0xB1B0AFBA - Checksum(file)));
        return file;
    }

    public static int Pad(int length) => (length + 3) & ~3;

    /// <summary>The sum of the data as big-endian 32-bit words, the last one padded with zeros.</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }
}
