using GptBook.Model;

namespace GptBook.Html;

/// <summary>One line of a table of contents: a heading, the chunk holding it, and the entries nested under it.</summary>
public sealed record TocEntry(Heading Heading, Chunk Chunk, IReadOnlyList<TocEntry> Children)
{
    public string Title => Heading.PlainText;

    /// <summary>The href from a page outside the chunks (nav, site index): the chunk file, plus the id unless it opens the chunk.</summary>
    public string Href => Chunk.Heading == Heading ? Chunk.FileName : Chunk.FileName + "#" + Heading.Id;
}
