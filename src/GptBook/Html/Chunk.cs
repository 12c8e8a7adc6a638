using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// One output file's worth of the book: the blocks from one splitting heading up to the next. <see cref="Name"/>
/// (<c>ch003-gpt-1</c>) is stable across builds and is a valid XML id, so packages can use it as a manifest id;
/// <see cref="FileName"/> adds the extension the chunker was given. <see cref="Title"/> is never blank (the
/// heading's text, else the chapter's or the book's title). <see cref="Heading"/> is null for the text
/// before a chapter's first splitting heading. <see cref="Footnotes"/> are the notes first referenced here,
/// written at the chunk's end.
/// </summary>
public sealed record Chunk(
    int Index,
    string Name,
    string FileName,
    string Title,
    Heading? Heading,
    Chapter Chapter,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<Footnote> Footnotes);
