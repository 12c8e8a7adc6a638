using GptBook.Html;

namespace GptBook.Epub;

/// <summary>
/// One chunk as a content document of the package: the page frame around the shared content writer, which opens
/// the sections (an h1's is the chapter) as the headings nest.
/// </summary>
public static class ChapterPageWriter
{
    public static byte[] Write(Chunk chunk, string language, XhtmlContentWriter content) =>
        XhtmlPageWriter.Write(language, chunk.Title, "bodymatter", "chapter", xml => content.WriteChunk(xml, chunk));
}
