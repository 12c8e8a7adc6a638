using System.Text;
using System.Xml;
using GptBook.Html;

namespace GptBook.Epub;

/// <summary>
/// The frame every XHTML document in the package shares: XML declaration, HTML5 doctype, <c>html</c> with the
/// XHTML and EPUB namespaces and the book's language as both <c>xml:lang</c> and <c>lang</c> (Kindle and Apple
/// Books read different ones), a title and the stylesheet. The caller writes the body's content.
/// </summary>
public static class XhtmlPageWriter
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        // Indenting would add whitespace inside <pre> and between inline elements; pages are written as one line.
        Indent = false,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    public static byte[] Write(string language, string title, string? bodyEpubType, string? bodyClass, Action<XmlWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteDocType("html", null, null, null);
            xml.WriteStartElement("html", XhtmlNames.Xhtml);
            xml.WriteAttributeString("xmlns", "epub", null, XhtmlNames.Epub);
            xml.WriteAttributeString("xml", "lang", XhtmlNames.Xml, language);
            xml.WriteAttributeString("lang", language);

            xml.WriteStartElement("head", XhtmlNames.Xhtml);
            xml.WriteStartElement("meta", XhtmlNames.Xhtml);
            xml.WriteAttributeString("charset", "utf-8");
            xml.WriteEndElement();
            xml.WriteElementString("title", XhtmlNames.Xhtml, title);
            xml.WriteStartElement("link", XhtmlNames.Xhtml);
            xml.WriteAttributeString("rel", "stylesheet");
            xml.WriteAttributeString("type", "text/css");
            xml.WriteAttributeString("href", EpubLayout.Stylesheet);
            xml.WriteEndElement();
            xml.WriteFullEndElement();

            xml.WriteStartElement("body", XhtmlNames.Xhtml);
            if (bodyEpubType != null) xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, bodyEpubType);
            if (bodyClass != null) xml.WriteAttributeString("class", bodyClass);
            writeBody(xml);
            xml.WriteFullEndElement();
            xml.WriteFullEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
