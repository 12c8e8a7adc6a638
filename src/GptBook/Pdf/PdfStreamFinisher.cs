using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;

namespace GptBook.Pdf;

/// <summary>
/// Makes the PDF final in the one save PDFsharp makes of it. PDFsharp 6.2.4 deflates streams without the Adler-32
/// trailer (<see cref="ZlibStreams"/>) and puts random values into the file (document IDs, font-subset tags,
/// annotation names, clock times, the XMP packet's ids). So the writer has PDFsharp compress nothing, and
/// <see cref="BeforeSave"/> sets, in PDFsharp's object model, everything that exists before the save: it deflates
/// every stream (page contents, forms; PDFsharp's deflated image data gets its checksum appended), replaces the
/// random subset tags, annotation names and dates and the document IDs with values derived from the book, and makes
/// the file PDF/X-4 (<see cref="PdfXConformance"/>). What PDFsharp only builds while saving — the font programs,
/// their ToUnicode maps and the XMP packet — no public hook reaches, so <see cref="AfterSave"/> rewrites just those
/// objects in the saved bytes (<see cref="SavedObjectReplacer"/>): the font programs and maps deflated (the maps
/// corrected first, <see cref="ToUnicodeCMapFix"/>), and our own XMP packet (<see cref="XmpPacket"/>) in place of
/// PDFsharp's. Nothing is parsed again.
/// </summary>
internal static class PdfStreamFinisher
{
    /// <summary>
    /// Prepares <paramref name="document"/> for its save; returns the document ID (32 hex digits). The streams in
    /// <paramref name="complete"/> (pages' contents, deflated as their pages were finished) are left as they are.
    /// </summary>
    public static string BeforeSave(PdfDocument document, string seed, string pdfDate, IReadOnlySet<PdfDictionary> complete)
    {
        var tags = new SubsetTags();
        var toDeflate = new List<PdfDictionary>();
        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfDictionary dict) continue;
            if (dict.Stream is { Value.Length: > 0 })
            {
                if (dict.Elements["/Filter"] == null) toDeflate.Add(dict);
                else if (!complete.Contains(dict)) CompleteFlate(dict); // a page's content was deflated whole as the page was finished
            }
            else if (dict.Stream != null) dict.Elements.Remove("/Filter"); // an empty stream is never filtered
            tags.Rename(dict, "/BaseFont");
            tags.Rename(dict, "/FontName");
            if (dict.Elements.GetName("/Type") == "/Annot" || dict.Elements.ContainsKey("/Rect") && dict.Elements.ContainsKey("/Subtype"))
            {
                dict.Elements.Remove("/NM");
                if (dict.Elements.ContainsKey("/M")) dict.Elements["/M"] = new PdfString(pdfDate);
            }
        }
        // Each stream on its own, so the work spreads over the cores and the bytes do not depend on the order.
        var deflated = new byte[toDeflate.Count][];
        Parallel.For(0, toDeflate.Count, i => deflated[i] = ZlibStreams.Deflate(toDeflate[i].Stream.Value));
        for (var i = 0; i < toDeflate.Count; i++) SetFlate(toDeflate[i], deflated[i]);

        PdfXConformance.Apply(document);

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];
        var raw = Encoding.Latin1.GetString(Convert.FromHexString(id));
        document.Internals.FirstDocumentID = raw;
        document.Internals.SecondDocumentID = raw;
        return id;
    }

    /// <summary>
    /// The final file from PDFsharp's save of <paramref name="document"/>: the streams PDFsharp built while saving
    /// (every stream still unfiltered, since <see cref="BeforeSave"/> deflated all others) deflated, and the XMP
    /// packet replaced with <paramref name="xmpPacket"/>, and the objects we wrote ourselves (<paramref name="written"/>,
    /// object number → the whole object) put in place of the empty ones PDFsharp saved for them.
    /// </summary>
    public static byte[] AfterSave(byte[] saved, PdfDocument document, byte[] xmpPacket, IEnumerable<KeyValuePair<int, byte[]>> written)
    {
        var metadata = document.Internals.Catalog.Elements.GetReference("/Metadata")
            ?? throw new InvalidOperationException("PDFsharp saved no XMP packet");
        var pending = new List<PdfDictionary>();
        foreach (var obj in document.Internals.GetAllObjects())
            if (obj is PdfDictionary { Stream.Value.Length: > 0 } dict && dict.Elements["/Filter"] == null && !ReferenceEquals(dict, metadata.Value))
                pending.Add(dict);
        var objects = new byte[]?[pending.Count];
        Parallel.For(0, pending.Count, i => objects[i] = DeflatedObject(pending[i]));

        var replacements = new Dictionary<int, byte[]>(pending.Count + 1);
        for (var i = 0; i < pending.Count; i++)
            if (objects[i] is { } replacement) replacements[pending[i].Reference!.ObjectNumber] = replacement;
        foreach (var (number, obj) in written) replacements[number] = obj;
        replacements[metadata.ObjectNumber] = SavedObjectReplacer.StreamObject(metadata.ObjectNumber, metadata.GenerationNumber,
            "/Type/Metadata/Subtype/XML/Length " + xmpPacket.Length.ToString(CultureInfo.InvariantCulture), xmpPacket);
        return SavedObjectReplacer.Replace(saved, replacements);
    }

    /// <summary>
    /// A stream object PDFsharp built while saving, deflated: a font program (<c>/Length1</c>, <c>/Length</c>) or a
    /// ToUnicode map (<c>/Length</c>). A stream with any other entry is not one of those and keeps the bytes
    /// PDFsharp wrote (uncompressed, which is valid PDF): null.
    /// </summary>
    private static byte[]? DeflatedObject(PdfDictionary dict)
    {
        var entries = new StringBuilder();
        foreach (var key in dict.Elements.Keys)
        {
            if (key == "/Length") continue;
            if (dict.Elements[key] is not PdfInteger number) return null;
            entries.Append(key).Append(' ').Append(number.Value.ToString(CultureInfo.InvariantCulture));
        }
        var value = dict.Stream.Value;
        var data = ZlibStreams.Deflate(ToUnicodeCMapFix.TryFix(value) ?? value);
        entries.Append("/Filter/FlateDecode/Length ").Append(data.Length.ToString(CultureInfo.InvariantCulture));
        var reference = dict.Reference!;
        return SavedObjectReplacer.StreamObject(reference.ObjectNumber, reference.GenerationNumber, entries.ToString(), data);
    }

    private static void CompleteFlate(PdfDictionary dict)
    {
        var stream = dict.Stream;
        if (dict.Elements["/Filter"] is not PdfName { Value: "/FlateDecode" }) return; // JPEG (DCTDecode) and the like pass through.
        // A PNG's own IDAT data (PngImageEmbedder) and our ICC profiles are complete zlib streams already; PDFsharp
        // 6.2.4 writes no /DecodeParms, so a stream that has one is ours.
        if (dict.Elements.ContainsKey("/DecodeParms") || !ZlibStreams.HasZlibHeader(stream.Value)) return;
        var complete = ZlibStreams.Complete(stream.Value);
        if (!ReferenceEquals(complete, stream.Value)) SetFlate(dict, complete);
    }

    /// <summary>Sets <paramref name="dict"/>'s stream to <paramref name="data"/>, a complete zlib stream of its content.</summary>
    internal static void SetFlate(PdfDictionary dict, byte[] data)
    {
        dict.Stream.Value = data;
        dict.Elements.SetName("/Filter", "/FlateDecode");
        dict.Elements.SetInteger("/Length", data.Length);
    }
}
