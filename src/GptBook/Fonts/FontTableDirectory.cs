using System.Buffers.Binary;
using GptBook.Units;

namespace GptBook.Fonts;

/// <summary>
/// The table directory at the start of a TrueType file: where each table (cmap, head, glyf, …) lies in the file.
/// Only the directory is read here; each table is parsed when it is first needed.
/// </summary>
internal sealed class FontTableDirectory
{
    private readonly Dictionary<string, (int Offset, int Length)> _tables;

    private FontTableDirectory(Dictionary<string, (int Offset, int Length)> tables) => _tables = tables;

    public static FontTableDirectory Read(ReadOnlySpan<byte> file, string fontName)
    {
        if (file.Length < 12)
            throw new FontFormatException($"{fontName}: file too short for a font header");
        var version = BinaryPrimitives.ReadUInt32BigEndian(file);
        // 0x00010000 and 'true' are TrueType outlines; 'OTTO' (CFF) and 'ttcf' (collections) are not supported.
        if (version != 0x00010000 && version != 0x74727565)
            throw new FontFormatException($"{fontName}: not a TrueType font (sfnt version 0x{version:X8})");
        int count = BinaryPrimitives.ReadUInt16BigEndian(file[4..]);
        if (file.Length < 12 + 16 * count)
            throw new FontFormatException($"{fontName}: table directory truncated");
        var tables = new Dictionary<string, (int, int)>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = file.Slice(12 + 16 * i, 16);
            var tag = string.Create(4, record[..4].ToArray(), static (chars, bytes) =>
            {
                for (var k = 0; k < 4; k++) chars[k] = (char)bytes[k];
            });
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset > (uint)file.Length || length > (uint)file.Length - offset)
                throw new FontFormatException($"{fontName}: table '{tag}' lies outside the file");
            tables[tag] = ((int)offset, (int)length);
        }
        return new FontTableDirectory(tables);
    }

    public bool Contains(string tag) => _tables.ContainsKey(tag);

    public IEnumerable<string> Tags => _tables.Keys;

    /// <summary>The bytes of a required table; a missing one is a format error naming the table.</summary>
    public ReadOnlyMemory<byte> Required(ReadOnlyMemory<byte> file, string tag, string fontName, int minimumLength = 0)
    {
        if (!_tables.TryGetValue(tag, out var t))
            throw new FontFormatException($"{fontName}: required table '{tag}' is missing");
        if (t.Length < minimumLength)
            throw new FontFormatException($"{fontName}: table '{tag}' is truncated ({t.Length} bytes)");
        return file.Slice(t.Offset, t.Length);
    }

    public ReadOnlyMemory<byte>? Optional(ReadOnlyMemory<byte> file, string tag) =>
        _tables.TryGetValue(tag, out var t) ? file.Slice(t.Offset, t.Length) : null;
}
