using GptBook.Model;
using GptBook.Units;

namespace GptBook.Html;

/// <summary>One line of a table of contents: a heading, the chunk holding it, and the entries nested under it.</summary>
public sealed record TocEntry(Heading Heading, Chunk Chunk, IReadOnlyList<TocEntry> Children)
{
    public string Title => Heading.PlainText;

    /// <summary>The text to show for the entry: the heading's, or the chunk's title when the heading is blank.</summary>
    public string Label => XmlCharacters.Clean(Title).Trim() is { Length: > 0 } label ? label : Chunk.Title;

    /// <summary>The href from a page outside the chunks (nav, site index): the chunk file, plus the id unless it opens the chunk.</summary>
    public string Href => Chunk.Heading == Heading || Heading.Id.Length == 0 ? Chunk.FileName : Chunk.FileName + "#" + Heading.Id;
}
