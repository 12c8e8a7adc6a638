namespace GptBook.Model;

/// <summary>The whole document: metadata and chapters in reading order. Immutable once built.</summary>
public sealed record Book(BookMetadata Metadata, IReadOnlyList<Chapter> Chapters)
{
    /// <summary>Every block of every chapter, depth-first, in reading order.</summary>
    public IEnumerable<Block> AllBlocks() => Chapters.SelectMany(c => c.Blocks.SelectMany(b => b.DescendantsAndSelf()));

    /// <summary>Every block of every chapter and of its footnotes, depth-first, in reading order.</summary>
    public IEnumerable<Block> AllBlocksWithFootnotes() =>
        Chapters.SelectMany(c => c.Blocks.Concat(c.Footnotes.SelectMany(f => f.Blocks))).SelectMany(b => b.DescendantsAndSelf());

    public IEnumerable<Figure> Figures() => AllBlocks().OfType<Figure>();

    public IEnumerable<Heading> Headings() => AllBlocks().OfType<Heading>();
}

/// <summary>
/// What a reader sees on the cover and in the package metadata. <see cref="Date"/> is always set (outputs need a
/// timestamp); <see cref="HasDate"/> says whether the book gave it, so that a default is never printed as if it
/// were the publication date.
/// </summary>
public sealed record BookMetadata(
    string Id,
    string Title,
    string? Subtitle,
    string Language,
    IReadOnlyList<string> Authors,
    DateOnly Date,
    string? Description,
    IReadOnlyList<string> Keywords,
    string? Publisher = null,
    string? Rights = null)
{
    public bool HasDate { get; init; } = true;
}

/// <summary>
/// One source file's worth of blocks. <see cref="Id"/> is stable across builds (derived from the file name).
/// Footnote definitions are collected here, numbered in order of first reference.
/// </summary>
public sealed record Chapter(string Id, string SourceFile, IReadOnlyList<Block> Blocks, IReadOnlyList<Footnote> Footnotes)
{
    /// <summary>The text of the chapter's first heading, if it has one.</summary>
    public string? Title => Blocks.OfType<Heading>().FirstOrDefault()?.PlainText;
}

/// <summary>A footnote: its number (1, 2, … per book), an id for anchors, and its content.</summary>
public sealed record Footnote(string Id, int Number, string Label, IReadOnlyList<Block> Blocks, SourceSpan Span);
