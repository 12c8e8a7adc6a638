using System.Globalization;
using System.Text;
using System.Xml;
using GptBook.Html;
using GptBook.Model;

namespace GptBook.Epub;

/// <summary>
/// package.opf: metadata (identifier, title, language, creators, description, subjects, dates, accessibility),
/// the manifest of every item, and the spine in reading order with the NCX named for EPUB 2 readers.
/// </summary>
public static class PackageDocumentWriter
{
    private const string Opf = "http://www.idpf.org/2007/opf";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string IdentifierId = "book-id";

    public static XmlWriterSettings Settings { get; } = new()
    {
        Indent = true,
        IndentChars = "  ",
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineChars = "\n",
    };

    public static byte[] Write(BookMetadata metadata, string identifier, DateTimeOffset modified,
        IReadOnlyList<PackageItem> manifest, IReadOnlyList<string> spine, string ncxId, string? coverImageId)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("package", Opf);
            xml.WriteAttributeString("version", "3.0");
            xml.WriteAttributeString("unique-identifier", IdentifierId);
            xml.WriteAttributeString("xml", "lang", XhtmlNames.Xml, metadata.Language);

            WriteMetadata(xml, metadata, identifier, modified, coverImageId);

            xml.WriteStartElement("manifest", Opf);
            foreach (var item in manifest)
            {
                xml.WriteStartElement("item", Opf);
                xml.WriteAttributeString("id", item.Id);
                xml.WriteAttributeString("href", item.Href);
                xml.WriteAttributeString("media-type", item.MediaType);
                if (item.Properties != null) xml.WriteAttributeString("properties", item.Properties);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("spine", Opf);
            xml.WriteAttributeString("toc", ncxId);
            foreach (var id in spine)
            {
                xml.WriteStartElement("itemref", Opf);
                xml.WriteAttributeString("idref", id);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteMetadata(XmlWriter xml, BookMetadata metadata, string identifier, DateTimeOffset modified, string? coverImageId)
    {
        xml.WriteStartElement("metadata", Opf);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);

        xml.WriteStartElement("dc", "identifier", Dc);
        xml.WriteAttributeString("id", IdentifierId);
        xml.WriteString(identifier);
        xml.WriteEndElement();

        xml.WriteStartElement("dc", "title", Dc);
        xml.WriteAttributeString("id", "title");
        xml.WriteString(metadata.Title);
        xml.WriteEndElement();
        Refine(xml, "title", "title-type", "main");
        if (!string.IsNullOrWhiteSpace(metadata.Subtitle))
        {
            xml.WriteStartElement("dc", "title", Dc);
            xml.WriteAttributeString("id", "subtitle");
            xml.WriteString(metadata.Subtitle);
            xml.WriteEndElement();
            Refine(xml, "subtitle", "title-type", "subtitle");
        }

        xml.WriteElementString("dc", "language", Dc, metadata.Language);

        for (var i = 0; i < metadata.Authors.Count; i++)
        {
            var id = "creator-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("dc", "creator", Dc);
            xml.WriteAttributeString("id", id);
            xml.WriteString(metadata.Authors[i]);
            xml.WriteEndElement();
            Refine(xml, id, "role", "aut", scheme: "marc:relators");
            Refine(xml, id, "display-seq", (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(metadata.Description)) xml.WriteElementString("dc", "description", Dc, metadata.Description);
        if (!string.IsNullOrWhiteSpace(metadata.Publisher)) xml.WriteElementString("dc", "publisher", Dc, metadata.Publisher);
        if (!string.IsNullOrWhiteSpace(metadata.Rights)) xml.WriteElementString("dc", "rights", Dc, metadata.Rights);
        foreach (var keyword in metadata.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)))
            xml.WriteElementString("dc", "subject", Dc, keyword);
        xml.WriteElementString("dc", "date", Dc, metadata.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Meta(xml, "dcterms:modified", BuildTimestamp.W3C(modified));
        // Accessibility metadata (schema.org, as EPUB Accessibility 1.1 asks): text with pictures, navigable.
        Meta(xml, "schema:accessMode", "textual");
        Meta(xml, "schema:accessMode", "visual");
        Meta(xml, "schema:accessModeSufficient", "textual");
        Meta(xml, "schema:accessibilityFeature", "structuralNavigation");
        Meta(xml, "schema:accessibilityFeature", "tableOfContents");
        Meta(xml, "schema:accessibilityFeature", "alternativeText");
        Meta(xml, "schema:accessibilityHazard", "none");

        if (coverImageId != null)
        {
            // EPUB 2 convention, still what Kindle conversion looks for to find the cover.
            xml.WriteStartElement("meta", Opf);
            xml.WriteAttributeString("name", "cover");
            xml.WriteAttributeString("content", coverImageId);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Meta(XmlWriter xml, string property, string value)
    {
        xml.WriteStartElement("meta", Opf);
        xml.WriteAttributeString("property", property);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static void Refine(XmlWriter xml, string id, string property, string value, string? scheme = null)
    {
        xml.WriteStartElement("meta", Opf);
        xml.WriteAttributeString("refines", "#" + id);
        xml.WriteAttributeString("property", property);
        if (scheme != null) xml.WriteAttributeString("scheme", scheme);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
