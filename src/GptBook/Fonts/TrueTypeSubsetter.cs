using System.Buffers.Binary;

namespace GptBook.Fonts;

/// <summary>
/// A TrueType font cut down to the glyphs of given characters, as a new, valid sfnt: the web pages' faces hold only
/// what the book shows. Glyphs are renumbered (.notdef first, then by character), components of composite glyphs
/// come along, and every table that indexes glyphs is rewritten (glyf, loca, hmtx, cmap) or left out (layout and
/// vertical tables: GSUB, GPOS, GDEF, BASE, vhea, vmtx …, which a browser does without for horizontal Chinese text;
/// on request a GSUB of the font's ligatures among the kept glyphs is written anew, for the emoji face's sequences).
/// name, OS/2, head, hhea, maxp, gasp, prep, cvt and fpgm are kept (name carries the copyright and the licence the
/// OFL asks to travel with the font). Deterministic: the same font and characters give the same bytes.
/// </summary>
public static class TrueTypeSubsetter
{
    /// <summary>Tables copied unchanged (or with counts patched: head, hhea, maxp).</summary>
    private static readonly string[] Kept = ["OS/2", "cvt ", "fpgm", "gasp", "head", "hhea", "maxp", "name", "prep"];

    /// <param name="fullNamePrefix">Put before the font's full name (<see cref="NameTableRenamer"/>), or null to keep it.</param>
    /// <param name="keepLigatures">Keep the font's ligatures (<see cref="GlyphLigatures"/>) whose components are all
    /// among the characters' glyphs, with their glyphs, in a GSUB table of their own (<see cref="LigatureTableWriter"/>):
    /// the emoji face's sequences, which a browser forms only from the font's GSUB.</param>
    /// <returns>The subset font's bytes; characters the font lacks are left out.</returns>
    public static byte[] Subset(TrueTypeFont font, IEnumerable<int> codePoints, string? fullNamePrefix = null, bool keepLigatures = false)
    {
        var mapped = codePoints.Distinct().Order().Select(c => (CodePoint: c, Glyph: font.GlyphId(c))).Where(m => m.Glyph != 0).ToArray();
        var glyf = font.Table("glyf") ?? throw new FontFormatException($"{font.Name}: no glyf table, so no TrueType outlines to subset");
        var loca = ReadLoca(font);

        // New order: .notdef, then each character's glyph in code point order, then components as found.
        var order = new List<int> { 0 };
        var newId = new Dictionary<int, int> { [0] = 0 };
        void Take(int glyph)
        {
            if (newId.ContainsKey(glyph)) return;
            newId[glyph] = order.Count;
            order.Add(glyph);
        }
        foreach (var (_, glyph) in mapped) Take(glyph);
        var ligatures = keepLigatures ? font.Ligatures.Within(newId.ContainsKey).ToArray() : [];
        foreach (var (_, ligature) in ligatures) Take(ligature);
        for (var i = 0; i < order.Count; i++)
            foreach (var component in Components(GlyphBytes(glyf.Span, loca, order[i])))
                Take(component);

        var glyfOut = new MemoryStream();
        var locaOut = new byte[4 * (order.Count + 1)];
        for (var i = 0; i < order.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(locaOut.AsSpan(4 * i), (uint)glyfOut.Length);
            var bytes = GlyphBytes(glyf.Span, loca, order[i]).ToArray();
            RenumberComponents(bytes, newId);
            glyfOut.Write(bytes);
            while (glyfOut.Length % 4 != 0) glyfOut.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(locaOut.AsSpan(4 * order.Count), (uint)glyfOut.Length);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Kept)
            if (font.Table(tag) is { } t) tables[tag] = t.ToArray();
        tables["glyf"] = glyfOut.ToArray();
        tables["loca"] = locaOut;
        tables["hmtx"] = Metrics(font, order);
        tables["cmap"] = CharacterMapWriter.Write(mapped.Select(m => (m.CodePoint, newId[m.Glyph])).ToArray());
        tables["post"] = PostVersion3(font);
        if (LigatureTableWriter.Write(ligatures.Select(l => (l.Components.Select(g => newId[g]).ToArray(), newId[l.Ligature])).ToArray()) is { } gsub)
            tables["GSUB"] = gsub;
        if (fullNamePrefix != null && tables.TryGetValue("name", out var name))
            tables["name"] = NameTableRenamer.WithFullNamePrefix(name, fullNamePrefix);
        // Counts and formats that changed: glyphs, long metrics, long loca offsets.
        BinaryPrimitives.WriteUInt16BigEndian(tables["maxp"].AsSpan(4), (ushort)order.Count);
        BinaryPrimitives.WriteUInt16BigEndian(tables["hhea"].AsSpan(34), (ushort)order.Count);
        BinaryPrimitives.WriteInt16BigEndian(tables["head"].AsSpan(50), 1);
        return SfntWriter.Write(tables);
    }

    private static uint[] ReadLoca(TrueTypeFont font)
    {
        var head = font.Table("head")!.Value.Span;
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head[50..]) != 0;
        var loca = (font.Table("loca") ?? throw new FontFormatException($"{font.Name}: no loca table")).Span;
        var offsets = new uint[font.GlyphCount + 1];
        for (var g = 0; g <= font.GlyphCount; g++)
        {
            var at = longOffsets ? 4 * g : 2 * g;
            if (at + (longOffsets ? 4 : 2) > loca.Length) throw new FontFormatException($"{font.Name}: loca table truncated");
            offsets[g] = longOffsets ? BinaryPrimitives.ReadUInt32BigEndian(loca[at..]) : 2u * BinaryPrimitives.ReadUInt16BigEndian(loca[at..]);
        }
        return offsets;
    }

    private static ReadOnlySpan<byte> GlyphBytes(ReadOnlySpan<byte> glyf, uint[] loca, int glyph)
    {
        var (start, end) = (loca[glyph], loca[glyph + 1]);
        if (end <= start) return [];
        if (end > glyf.Length) throw new FontFormatException($"glyph {glyph} lies outside the glyf table");
        return glyf[(int)start..(int)end];
    }

    private const int MoreComponents = 0x20, ArgsAreWords = 0x01, HasScale = 0x08, HasXyScale = 0x40, HasTwoByTwo = 0x80;

    /// <summary>The glyph ids a composite glyph is made of (none for a simple or empty glyph).</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var ids = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return ids;
        foreach (var (at, _) in ComponentRecords(glyph)) ids.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
        return ids;
    }

    private static void RenumberComponents(byte[] glyph, Dictionary<int, int> newId)
    {
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return;
        foreach (var (at, _) in ComponentRecords(glyph))
        {
            var old = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(at + 2));
            BinaryPrimitives.WriteUInt16BigEndian(glyph.AsSpan(at + 2), (ushort)newId[old]);
        }
    }

    /// <summary>Where each component record of a composite glyph starts, with its flags.</summary>
    private static List<(int At, int Flags)> ComponentRecords(ReadOnlySpan<byte> glyph)
    {
        var records = new List<(int, int)>();
        var at = 10;
        while (at + 4 <= glyph.Length)
        {
            int flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            records.Add((at, flags));
            var size = 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2)
                + ((flags & HasScale) != 0 ? 2 : (flags & HasXyScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0);
            at += size;
            if ((flags & MoreComponents) == 0) break;
        }
        return records;
    }

    /// <summary>hmtx with a long metric (advance and left side bearing) for every glyph of the subset.</summary>
    private static byte[] Metrics(TrueTypeFont font, List<int> order)
    {
        var hmtx = font.Table("hmtx")!.Value.Span;
        int longMetrics = BinaryPrimitives.ReadUInt16BigEndian(font.Table("hhea")!.Value.Span[34..]);
        var output = new byte[4 * order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var g = order[i];
            var lsbAt = g < longMetrics ? 4 * g + 2 : 4 * longMetrics + 2 * (g - longMetrics);
            var lsb = lsbAt + 2 <= hmtx.Length ? BinaryPrimitives.ReadInt16BigEndian(hmtx[lsbAt..]) : (short)0;
            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4 * i), (ushort)font.AdvanceWidth(g));
            BinaryPrimitives.WriteInt16BigEndian(output.AsSpan(4 * i + 2), lsb);
        }
        return output;
    }

    /// <summary>post version 3: the same metrics and no glyph names (which would index the old glyphs).</summary>
    private static byte[] PostVersion3(TrueTypeFont font)
    {
        var post = new byte[32];
        if (font.Table("post") is { Length: >= 32 } original) original.Span[..32].CopyTo(post);
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        return post;
    }
}
