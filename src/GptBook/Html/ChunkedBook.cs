using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// A book split into chunks, with a map from every anchor id (headings, figures, footnotes and footnote
/// references) to the chunk that holds it, so that links written as <c>#id</c> in the model can be resolved to
/// <c>file#id</c> after chunking. Built by <see cref="BookChunker"/>; immutable.
/// </summary>
public sealed class ChunkedBook
{
    private readonly IReadOnlyDictionary<string, Chunk> _chunkById;

    internal ChunkedBook(Book book, IReadOnlyList<Chunk> chunks, IReadOnlyDictionary<string, Chunk> chunkById)
    {
        Book = book;
        Chunks = chunks;
        _chunkById = chunkById;
    }

    public Book Book { get; }

    /// <summary>The chunks in reading order; never empty.</summary>
    public IReadOnlyList<Chunk> Chunks { get; }

    /// <summary>The chunk holding the element with this id, or null if no such id exists in the book.</summary>
    public Chunk? ChunkOf(string id) => _chunkById.TryGetValue(id, out var chunk) ? chunk : null;

    /// <summary>
    /// The href that reaches <paramref name="id"/> from a page showing <paramref name="from"/>: <c>#id</c> within
    /// the same chunk, <c>file#id</c> across chunks, or just <c>file</c> when the id is the chunk's own heading.
    /// Null when the id does not exist.
    /// </summary>
    public string? Href(string id, Chunk from)
    {
        var target = ChunkOf(id);
        if (target == null) return null;
        if (target == from) return "#" + id;
        return target.Heading?.Id == id ? target.FileName : target.FileName + "#" + id;
    }

    /// <summary>The id of the anchor on the first reference to a footnote (where the note's back-link points).</summary>
    public static string FootnoteReferenceId(string footnoteId) => footnoteId + "-ref";
}
