using System.Buffers.Binary;
using System.Text;

namespace GptBook.Fonts;

/// <summary>
/// Gives a font a full name (name ID 4) of its own by putting a prefix before every full-name record, keeping the
/// other records (copyright, licence, family) as they are. PDFsharp caches faces by their full name for the life
/// of the process, so two different subsets of one face must not share it.
/// </summary>
public static class NameTableRenamer
{
    private const int FullName = 4;

    /// <returns>A format-0 name table; records tied to language tags (format 1) are left out.</returns>
    public static byte[] WithFullNamePrefix(ReadOnlySpan<byte> name, string prefix)
    {
        if (name.Length < 6) throw new FontFormatException("name table truncated");
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        var records = new List<(ushort Platform, ushort Encoding, ushort Language, ushort Id, byte[] Text)>();
        for (var i = 0; i < count; i++)
        {
            var at = 6 + 12 * i;
            if (at + 12 > name.Length) throw new FontFormatException("name table truncated");
            var r = name.Slice(at, 12);
            var (platform, encoding, language, id) = (BinaryPrimitives.ReadUInt16BigEndian(r), BinaryPrimitives.ReadUInt16BigEndian(r[2..]),
                BinaryPrimitives.ReadUInt16BigEndian(r[4..]), BinaryPrimitives.ReadUInt16BigEndian(r[6..]));
            var (length, offset) = (BinaryPrimitives.ReadUInt16BigEndian(r[8..]), BinaryPrimitives.ReadUInt16BigEndian(r[10..]));
            if (language >= 0x8000) continue;
            if (storage + offset + length > name.Length) throw new FontFormatException("name record outside the name table");
            var text = name.Slice(storage + offset, length).ToArray();
            if (id == FullName) text = [.. Encode(platform, prefix), .. text];
            records.Add((platform, encoding, language, id, text));
        }

        using var output = new MemoryStream();
        var field = new byte[2];
        void Write(int value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(field, (ushort)value);
            output.Write(field);
        }
        Write(0);
        Write(records.Count);
        Write(6 + 12 * records.Count);
        var stringOffset = 0;
        foreach (var r in records)
        {
            Write(r.Platform); Write(r.Encoding); Write(r.Language); Write(r.Id); Write(r.Text.Length); Write(stringOffset);
            stringOffset += r.Text.Length;
        }
        foreach (var r in records) output.Write(r.Text);
        return output.ToArray();
    }

    /// <summary>Windows and Unicode platform strings are UTF-16BE; Macintosh ones a single-byte encoding (the prefix is ASCII).</summary>
    private static byte[] Encode(ushort platform, string prefix) =>
        platform == 1 ? Encoding.ASCII.GetBytes(prefix) : Encoding.BigEndianUnicode.GetBytes(prefix);
}
