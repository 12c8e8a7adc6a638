using System.Globalization;
using System.Xml;
using GptBook.Html;
using GptBook.Model;

namespace GptBook.Epub;

/// <summary>
/// toc.ncx, the EPUB 2 table of contents. EPUB 3 doesn't need it, but some Kobo firmware and older readers only
/// read this one, so it lists the same entries as nav.xhtml, in reading order (playOrder).
/// </summary>
public static class NcxWriter
{
    private const string Ncx = "http://www.daisy.org/z3986/2005/ncx/";

    public static byte[] Write(BookMetadata metadata, string identifier, IReadOnlyList<TocEntry> toc)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, PackageDocumentWriter.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("ncx", Ncx);
            xml.WriteAttributeString("version", "2005-1");
            xml.WriteAttributeString("xml", "lang", XhtmlNames.Xml, metadata.Language);

            xml.WriteStartElement("head", Ncx);
            Meta(xml, "dtb:uid", identifier);
            Meta(xml, "dtb:depth", Math.Max(1, TableOfContents.Depth(toc)).ToString(CultureInfo.InvariantCulture));
            Meta(xml, "dtb:totalPageCount", "0");
            Meta(xml, "dtb:maxPageNumber", "0");
            xml.WriteEndElement();

            xml.WriteStartElement("docTitle", Ncx);
            xml.WriteElementString("text", Ncx, metadata.Title);
            xml.WriteEndElement();
            foreach (var author in metadata.Authors)
            {
                xml.WriteStartElement("docAuthor", Ncx);
                xml.WriteElementString("text", Ncx, author);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("navMap", Ncx);
            var order = 0;
            WritePoints(xml, toc, ref order);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WritePoints(XmlWriter xml, IReadOnlyList<TocEntry> entries, ref int order)
    {
        foreach (var entry in entries)
        {
            order++;
            xml.WriteStartElement("navPoint", Ncx);
            xml.WriteAttributeString("id", "navpoint-" + order.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("playOrder", order.ToString(CultureInfo.InvariantCulture));
            xml.WriteStartElement("navLabel", Ncx);
            xml.WriteElementString("text", Ncx, entry.Label);
            xml.WriteEndElement();
            xml.WriteStartElement("content", Ncx);
            xml.WriteAttributeString("src", entry.Href);
            xml.WriteEndElement();
            WritePoints(xml, entry.Children, ref order);
            xml.WriteEndElement();
        }
    }

    private static void Meta(XmlWriter xml, string name, string content)
    {
        xml.WriteStartElement("meta", Ncx);
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("content", content);
        xml.WriteEndElement();
    }
}
