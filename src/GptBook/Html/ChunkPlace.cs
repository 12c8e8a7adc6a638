using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// Where a chunk starts, for naming it: its reading-order number (from 1), its chapter, the heading that opens it
/// (null for text before a chapter's first splitting heading), and whether it is the chapter's first chunk.
/// </summary>
public sealed record ChunkPlace(int Index, Chapter Chapter, Heading? Heading, bool OpensChapter);
