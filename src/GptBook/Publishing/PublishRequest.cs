namespace GptBook.Publishing;

/// <summary>What to build: the book file (book.yml or a single .md), where to, which formats, and how strictly.</summary>
public sealed record PublishRequest(string BookFile, string OutputDirectory, OutputFormats Formats, bool Strict);
