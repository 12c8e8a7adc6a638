using System.Globalization;
using System.Text;
using System.Xml;
using GptBook.Html;
using GptBook.Model;

namespace GptBook.Epub;

/// <summary>
/// package.opf: metadata (identifier, title, language, creators, description, subjects, dates, accessibility),
/// the manifest of every item, the spine in reading order with the NCX named for EPUB 2 readers, and the EPUB 2
/// <c>guide</c>, which EPUB 3 readers ignore but calibre (and so every Kindle conversion) reads to recognise the
/// cover page: without it calibre adds a cover of its own in front of ours, and the book opens on two covers.
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
        IReadOnlyList<PackageItem> manifest, IReadOnlyList<string> spine, string ncxId, string? coverImageId,
        PackageExtras extras)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("package", Opf);
            xml.WriteAttributeString("version", "3.0");
            xml.WriteAttributeString("unique-identifier", IdentifierId);
            xml.WriteAttributeString("xml", "lang", XhtmlNames.Xml, metadata.Language);

            WriteMetadata(xml, metadata, identifier, modified, coverImageId, extras);

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

            if (extras.Guide.Count > 0)
            {
                xml.WriteStartElement("guide", Opf);
                foreach (var reference in extras.Guide)
                {
                    xml.WriteStartElement("reference", Opf);
                    xml.WriteAttributeString("type", reference.Type);
                    xml.WriteAttributeString("title", reference.Title);
                    xml.WriteAttributeString("href", reference.Href);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteMetadata(XmlWriter xml, BookMetadata metadata, string identifier, DateTimeOffset modified, string? coverImageId,
        PackageExtras extras)
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
        // Only a date the book gives: a made-up one would be shown by readers as the publication date.
        if (metadata.HasDate) xml.WriteElementString("dc", "date", Dc, metadata.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (extras.PageBreakSource != null)
        {
            // The print edition the page list follows: dc:source marked as the source of the pagination (EPUB 3.2,
            // what Ace and the reading systems of today read). Its successor, the unprefixed pageBreakSource
            // property, is an error for epubcheck 4 (Debian's, which CI runs), and may not be written through a
            // prefix bound to the default vocabulary either; it comes with epubcheck 5.
            xml.WriteStartElement("dc", "source", Dc);
            xml.WriteAttributeString("id", "print-source");
            xml.WriteString(extras.PageBreakSource);
            xml.WriteEndElement();
            Refine(xml, "print-source", "source-of", "pagination");
        }

        Meta(xml, "dcterms:modified", BuildTimestamp.W3C(modified));
        // Accessibility metadata (schema.org, as EPUB Accessibility 1.1 asks), each item true of this book.
        var a11y = extras.Accessibility;
        foreach (var mode in a11y.AccessModes) Meta(xml, "schema:accessMode", mode);
        foreach (var sufficient in a11y.AccessModesSufficient) Meta(xml, "schema:accessModeSufficient", sufficient);
        foreach (var feature in a11y.Features) Meta(xml, "schema:accessibilityFeature", feature);
        foreach (var hazard in a11y.Hazards) Meta(xml, "schema:accessibilityHazard", hazard);
        Meta(xml, "schema:accessibilitySummary", a11y.Summary(metadata.Language));
        if (a11y.Conforms) Meta(xml, "dcterms:conformsTo", AccessibilityMetadata.ConformsTo);

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

/// <summary>One <c>guide</c> reference: <c>cover</c>, <c>toc</c> or <c>text</c>, a title and the page.</summary>
public sealed record GuideReference(string Type, string Title, string Href);

/// <summary>What the package says beyond its files: accessibility facts, the guide, and the print edition the page list follows (null without one).</summary>
public sealed record PackageExtras(AccessibilityMetadata Accessibility, IReadOnlyList<GuideReference> Guide, string? PageBreakSource);
