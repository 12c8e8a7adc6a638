using GptBook.Html;

namespace GptBook.Epub;

/// <summary>One chunk as a content document of the package: the page frame around the shared content writer.</summary>
public static class ChapterPageWriter
{
    public static byte[] Write(Chunk chunk, string language, XhtmlContentWriter content) =>
        XhtmlPageWriter.Write(language, chunk.Title, "bodymatter", "chapter", xml =>
        {
            xml.WriteStartElement("section", XhtmlNames.Xhtml);
            if (chunk.Heading?.Level == 1) xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, "chapter");
            content.WriteChunk(xml, chunk);
            xml.WriteFullEndElement();
        });
}
