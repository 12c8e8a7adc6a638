using System.Xml;

namespace GptBook.Epub;

/// <summary>META-INF/container.xml: points reading systems at the package document.</summary>
public static class ContainerWriter
{
    private const string Container = "urn:oasis:names:tc:opendocument:xmlns:container";

    public static byte[] Write()
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, PackageDocumentWriter.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("container", Container);
            xml.WriteAttributeString("version", "1.0");
            xml.WriteStartElement("rootfiles", Container);
            xml.WriteStartElement("rootfile", Container);
            xml.WriteAttributeString("full-path", EpubLayout.ContentFolder + "/" + EpubLayout.PackageFile);
            xml.WriteAttributeString("media-type", "application/oebps-package+xml");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
