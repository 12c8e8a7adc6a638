using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using GptBook.Units;

namespace GptBook.Pdf;

/// <summary>
/// The last step before the bytes are final. PDFsharp 6.2.4 writes Flate streams as a zlib header followed by raw
/// deflate data with no Adler-32 trailer, which <c>qpdf --check</c> rejects; and it puts random values into the
/// file (document IDs, font-subset tags, annotation names, clock times). So the writer saves without compression,
/// and this step reopens that file, compresses every stream itself with <see cref="ZLibStream"/> (a complete zlib
/// stream, checksum included; streams PDFsharp had already deflated, such as image data, get the missing checksum
/// appended), and replaces every random or clock-derived value with one derived from the book. It also corrects
/// the ToUnicode maps of characters beyond the Basic Multilingual Plane (<see cref="ToUnicodeCMapFix"/>).
/// </summary>
internal static partial class PdfStreamFinisher
{
    public static void Finish(byte[] uncompressed, Stream output, string seed, string pdfDate, Action<PdfDocument> reapplyMetadata)
    {
        using var input = new MemoryStream(uncompressed, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;

        // PDFsharp writes a fresh XMP packet on every save; the first save's packet would linger unreferenced.
        if (document.Internals.Catalog.Elements.GetReference("/Metadata") is { Value: { } metadata })
        {
            document.Internals.Catalog.Elements.Remove("/Metadata");
            document.Internals.RemoveObject(metadata);
        }

        var subsetTags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfDictionary dict) continue;
            if (dict.Stream is { Value.Length: > 0 } && dict.Elements["/Filter"] == null && ToUnicodeCMapFix.TryFix(dict.Stream.Value) is { } cmap)
                dict.Stream.Value = cmap;
            if (dict.Stream is { Value.Length: > 0 }) Compress(dict);
            else if (dict.Elements.ContainsKey("/Length")) dict.Elements.Remove("/Filter"); // PDFsharp marks blank pages' empty content as deflated
            RenameSubset(dict, "/BaseFont", subsetTags);
            RenameSubset(dict, "/FontName", subsetTags);
            if (dict.Elements.GetName("/Type") == "/Annot" || dict.Elements.ContainsKey("/Rect") && dict.Elements.ContainsKey("/Subtype"))
            {
                dict.Elements.Remove("/NM");
                if (dict.Elements.ContainsKey("/M")) dict.Elements["/M"] = new PdfString(pdfDate);
            }
        }

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];
        var raw = Encoding.Latin1.GetString(Convert.FromHexString(id));
        document.Internals.FirstDocumentID = raw;
        document.Internals.SecondDocumentID = raw;
        reapplyMetadata(document);
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);
        var bytes = saved.ToArray();
        FixSaveTimeIdentifiers(bytes, id);
        output.Write(bytes);
    }

    /// <summary>
    /// PDFsharp generates the XMP packet (with random xmpMM:DocumentID and InstanceID UUIDs) and a new second
    /// trailer ID while saving, after any hook we have. Both are fixed-length ASCII fields written uncompressed, so
    /// they are overwritten in place with values derived from the book; lengths, and so every xref offset, stay the same.
    /// </summary>
    private static void FixSaveTimeIdentifiers(byte[] bytes, string id)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var uuid = $"{id[..8]}-{id[8..12]}-{id[12..16]}-{id[16..20]}-{id[20..32]}".ToLowerInvariant();
        foreach (var marker in new[] { "<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:" })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at + marker.Length + 36 <= bytes.Length)
                Encoding.ASCII.GetBytes(uuid).CopyTo(bytes, at + marker.Length);
        }
        var trailer = TrailerId().Matches(text);
        if (trailer.Count > 0)
        {
            var m = trailer[^1];
            var hex = Encoding.ASCII.GetBytes(id.ToLowerInvariant());
            hex.CopyTo(bytes, m.Groups[1].Index);
            hex.CopyTo(bytes, m.Groups[2].Index);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("/ID\\s*\\[\\s*<([0-9a-fA-F]{32})>\\s*<([0-9a-fA-F]{32})>\\s*\\]")]
    private static partial System.Text.RegularExpressions.Regex TrailerId();

    private static void Compress(PdfDictionary dict)
    {
        var stream = dict.Stream!;
        var filter = dict.Elements["/Filter"];
        if (filter == null)
            stream.Value = Deflate(stream.Value);
        else if (filter is PdfName { Value: "/FlateDecode" } && dict.Elements.ContainsKey("/DecodeParms"))
            return; // a PNG's own IDAT data (PngImageEmbedder): already a complete zlib stream, and the largest
        else if (filter is PdfName { Value: "/FlateDecode" } && HasZlibHeader(stream.Value))
            stream.Value = CompleteZlib(stream.Value);
        else
            return; // JPEG (DCTDecode) and anything else passes through untouched.
        dict.Elements.SetName("/Filter", "/FlateDecode");
        dict.Elements.SetInteger("/Length", stream.Value.Length);
    }

    /// <summary>
    /// A complete zlib stream of <paramref name="data"/>. Level Optimal (zlib 6): on the article's content and font
    /// streams SmallestSize (9) took several times as long for a file under 1 % smaller.
    /// </summary>
    private static byte[] Deflate(byte[] data)
    {
        using var ms = new MemoryStream(data.Length / 3 + 64);
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(data);
        return ms.ToArray();
    }

    private static bool HasZlibHeader(byte[] data) => data.Length > 6 && data[0] == 0x78;

    /// <summary>
    /// A zlib stream that is already deflated: PDFsharp's own (image data) lacks only the Adler-32 trailer, so the
    /// trailer is appended rather than the data deflated again; a stream that already ends in the right checksum
    /// stays as it is. Either way the data is inflated once, to compute the checksum. (PDFsharp 6.2.4 writes no
    /// /DecodeParms, so the streams that carry one are the PNG data <see cref="PngImageEmbedder"/> embedded, complete
    /// by construction, and are not inflated at all.)
    /// </summary>
    private static byte[] CompleteZlib(byte[] data)
    {
        var inflated = InflateRaw(data);
        var adler = Adler32.Compute(inflated);
        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - 4)) == adler)
            return data;
        var complete = new byte[data.Length + 4];
        data.CopyTo(complete, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(complete.AsSpan(data.Length), adler);
        return complete;
    }

    private static byte[] InflateRaw(byte[] data)
    {
        using var input = new MemoryStream(data, 2, data.Length - 2);
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(data.Length * 3);
        inflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Replaces a font subset's random six-letter tag with one derived from the font's name.</summary>
    private static void RenameSubset(PdfDictionary dict, string key, Dictionary<string, string> tags)
    {
        if (dict.Elements[key] is not PdfName name) return;
        var value = name.Value;
        if (value.Length < 9 || value[7] != '+') return;
        var baseName = value[8..];
        if (!tags.TryGetValue(value, out var replacement))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(baseName + "#" + tags.Count));
            var tag = new string(hash.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
            tags[value] = replacement = "/" + tag + "+" + baseName;
        }
        dict.Elements[key] = new PdfName(replacement);
    }
}
