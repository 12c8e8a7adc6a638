using System.Security;
using System.Text;
using GptBook.Model;

namespace GptBook.Pdf;

/// <summary>
/// The document's XMP metadata as PDF/X-4 requires it (ISO 15930-7 6.6): the PDF/X version, the dates, a document
/// and version id with the rendition class, trapping, and the Dublin Core title, authors, description and language,
/// agreeing with the document information dictionary. Every value is XML-escaped. PDF/UA is not claimed: no
/// validator checks the structure against it here (README, "The PDF is PDF/X-4 for print"). The ids derive from the
/// book, so the packet is reproducible.
/// </summary>
internal static class XmpPacket
{
    public static byte[] Build(BookMetadata metadata, DateTimeOffset date, string id, string producer)
    {
        var when = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var uuid = $"{id[..8]}-{id[8..12]}-{id[12..16]}-{id[16..20]}-{id[20..32]}".ToLowerInvariant();
        var sb = new StringBuilder();
        sb.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        sb.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        sb.Append("<rdf:Description rdf:about=\"\"\n");
        sb.Append("  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
        sb.Append("  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n");
        sb.Append("  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
        sb.Append("  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n");
        sb.Append("  xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n");
        sb.Append("<dc:format>application/pdf</dc:format>\n");
        sb.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(metadata.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        if (metadata.Authors.Count > 0)
        {
            sb.Append("<dc:creator><rdf:Seq>");
            foreach (var a in metadata.Authors) sb.Append("<rdf:li>").Append(X(a)).Append("</rdf:li>");
            sb.Append("</rdf:Seq></dc:creator>\n");
        }
        if ((metadata.Description ?? metadata.Subtitle) is { Length: > 0 } description)
            sb.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(description)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        sb.Append("<dc:language><rdf:Bag><rdf:li>").Append(X(metadata.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        if (metadata.Keywords.Count > 0)
            sb.Append("<pdf:Keywords>").Append(X(string.Join(", ", metadata.Keywords))).Append("</pdf:Keywords>\n");
        sb.Append("<pdf:Producer>").Append(X(producer)).Append("</pdf:Producer>\n");
        sb.Append("<pdf:Trapped>False</pdf:Trapped>\n");
        sb.Append("<xmp:CreatorTool>GptBook</xmp:CreatorTool>\n");
        sb.Append("<xmp:CreateDate>").Append(when).Append("</xmp:CreateDate>\n");
        sb.Append("<xmp:ModifyDate>").Append(when).Append("</xmp:ModifyDate>\n");
        sb.Append("<xmp:MetadataDate>").Append(when).Append("</xmp:MetadataDate>\n");
        sb.Append("<xmpMM:DocumentID>uuid:").Append(uuid).Append("</xmpMM:DocumentID>\n");
        sb.Append("<xmpMM:InstanceID>uuid:").Append(uuid).Append("</xmpMM:InstanceID>\n");
        sb.Append("<xmpMM:VersionID>1</xmpMM:VersionID>\n");
        sb.Append("<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n");
        sb.Append("<pdfxid:GTS_PDFXVersion>").Append(PdfXConformance.Version).Append("</pdfxid:GTS_PDFXVersion>\n");
        sb.Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    private static string X(string s) => SecurityElement.Escape(s);
}
