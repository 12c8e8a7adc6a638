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
/// appended), replaces every random or clock-derived value with one derived from the book, makes the file PDF/X-4
/// (<see cref="PdfXConformance"/>) and puts in its own XMP packet (<see cref="MetadataStreamReplacer"/>). It also
/// corrects the ToUnicode maps of characters beyond the Basic Multilingual Plane (<see cref="ToUnicodeCMapFix"/>).
/// </summary>
internal static partial class PdfStreamFinisher
{
    public static void Finish(byte[] uncompressed, Stream output, string seed, string pdfDate, Action<PdfDocument> reapplyMetadata,
        Func<string, byte[]> xmpPacket)
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

        var subsetTags = SubsetTags(document);
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
        PdfXConformance.Apply(document);

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];
        var raw = Encoding.Latin1.GetString(Convert.FromHexString(id));
        document.Internals.FirstDocumentID = raw;
        document.Internals.SecondDocumentID = raw;
        reapplyMetadata(document);
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);
        var bytes = saved.ToArray();
        FixTrailerId(bytes, id);
        output.Write(MetadataStreamReplacer.Replace(bytes, xmpPacket(id)));
    }

    /// <summary>
    /// PDFsharp generates a new second trailer ID while saving, after any hook we have. It is a fixed-length ASCII
    /// field, so it is overwritten in place with the value derived from the book; every xref offset stays the same.
    /// </summary>
    private static void FixTrailerId(byte[] bytes, string id)
    {
        var text = Encoding.Latin1.GetString(bytes);
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

    /// <summary>
    /// A tag for each font subset, from the subset's own bytes (ISO 32000-1 9.6.4 asks for a tag that differs when
    /// the subset does): PDFsharp's are random, and a fixed one would name two different subsets alike. Keyed by
    /// PDFsharp's tagged name, which the Type 0 font, its CID font and its descriptor share.
    /// </summary>
    private static Dictionary<string, string> SubsetTags(PdfDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfDictionary dict || dict.Elements.GetName("/Type") != "/FontDescriptor") continue;
            if (dict.Elements["/FontName"] is not PdfName { Value: { Length: > 8 } name } || name[7] != '+') continue;
            var file = (dict.Elements.GetReference("/FontFile2") ?? dict.Elements.GetReference("/FontFile3"))?.Value as PdfDictionary;
            var hash = SHA256.HashData(file?.Stream?.Value ?? Encoding.UTF8.GetBytes(name));
            var tag = new string(hash.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
            tags[name] = "/" + tag + "+" + SubsetFaces.WithoutTag(name[8..]);
        }
        return tags;
    }

    /// <summary>Replaces a font subset's random six-letter tag with the one derived from its bytes.</summary>
    private static void RenameSubset(PdfDictionary dict, string key, Dictionary<string, string> tags)
    {
        if (dict.Elements[key] is PdfName name && tags.TryGetValue(name.Value, out var replacement))
            dict.Elements[key] = new PdfName(replacement);
    }
}
