using System.Xml;
using GptBook.Html;
using GptBook.Model;

namespace GptBook.Epub;

/// <summary>
/// nav.xhtml: the table of contents as nested ordered lists (also shown as a page in the spine), the landmarks
/// reading systems use to jump to the cover, the contents and the start of the text, and, when the print edition
/// was laid out in the same build, the page list: one entry per printed page, labelled with its folio, pointing
/// at the page-break marker where that page begins.
/// </summary>
public static class NavigationDocumentWriter
{
    public const string TocId = "toc";

    public static byte[] Write(BookMetadata metadata, LanguageLabels labels, IReadOnlyList<TocEntry> toc, Chunk firstChunk, XhtmlContentWriter content,
        IReadOnlyList<(string Label, string Href)> pages) =>
        XhtmlPageWriter.Write(metadata.Language, labels.TableOfContents, "frontmatter", "nav-page", xml =>
        {
            xml.WriteStartElement("nav", XhtmlNames.Xhtml);
            xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, "toc");
            xml.WriteAttributeString("id", TocId);
            xml.WriteAttributeString("role", "doc-toc");
            xml.WriteElementString("h1", XhtmlNames.Xhtml, labels.TableOfContents);
            WriteList(xml, toc, content);
            xml.WriteFullEndElement();

            xml.WriteStartElement("nav", XhtmlNames.Xhtml);
            xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, "landmarks");
            xml.WriteAttributeString("hidden", "hidden");
            xml.WriteStartElement("ol", XhtmlNames.Xhtml);
            Landmark(xml, "cover", EpubLayout.CoverPage, labels.Cover);
            Landmark(xml, "toc", EpubLayout.NavFile + "#" + TocId, labels.TableOfContents);
            Landmark(xml, "bodymatter", firstChunk.FileName, firstChunk.Title);
            xml.WriteFullEndElement();
            xml.WriteFullEndElement();

            if (pages.Count == 0) return;
            xml.WriteStartElement("nav", XhtmlNames.Xhtml);
            xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, "page-list");
            xml.WriteAttributeString("role", "doc-pagelist");
            xml.WriteAttributeString("aria-label", labels.PageList);
            xml.WriteAttributeString("hidden", "hidden");
            xml.WriteStartElement("ol", XhtmlNames.Xhtml);
            foreach (var (label, href) in pages)
            {
                xml.WriteStartElement("li", XhtmlNames.Xhtml);
                xml.WriteStartElement("a", XhtmlNames.Xhtml);
                xml.WriteAttributeString("href", href);
                xml.WriteString(label);
                xml.WriteFullEndElement();
                xml.WriteFullEndElement();
            }
            xml.WriteFullEndElement();
            xml.WriteFullEndElement();
        });

    private static void WriteList(XmlWriter xml, IReadOnlyList<TocEntry> entries, XhtmlContentWriter content)
    {
        xml.WriteStartElement("ol", XhtmlNames.Xhtml);
        foreach (var entry in entries)
        {
            xml.WriteStartElement("li", XhtmlNames.Xhtml);
            xml.WriteStartElement("a", XhtmlNames.Xhtml);
            xml.WriteAttributeString("href", entry.Href);
            // The heading's own markup (emphasis, code) without its links: a nav entry is itself a link.
            if (string.IsNullOrWhiteSpace(XmlCharacters.Clean(entry.Title))) xml.WriteString(entry.Label);
            else content.WriteInlines(xml, entry.Heading.Content, entry.Chunk);
            xml.WriteFullEndElement();
            if (entry.Children.Count > 0) WriteList(xml, entry.Children, content);
            xml.WriteFullEndElement();
        }
        xml.WriteFullEndElement();
    }

    private static void Landmark(XmlWriter xml, string type, string href, string text)
    {
        xml.WriteStartElement("li", XhtmlNames.Xhtml);
        xml.WriteStartElement("a", XhtmlNames.Xhtml);
        xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, type);
        xml.WriteAttributeString("href", href);
        xml.WriteString(text);
        xml.WriteFullEndElement();
        xml.WriteFullEndElement();
    }
}
