namespace GptBook.Model;

/// <summary>
/// A place in the model where something of the print layout begins: a block (by reference: the very block the
/// loader made, which the EPUB writer meets again), and inside a block of text the line that begins there, as
/// the approximate number of characters of the block's text before it (<see cref="Offset"/>, counted the way the
/// layout sees the text: an inline picture as its bracketed alt, a note reference as its number) and the first
/// characters of that line (<see cref="Lead"/>), which pin the place down exactly. Offset 0 with an empty lead is
/// the block's start.
/// </summary>
public sealed record ModelPosition(Block Block, int Offset, string Lead)
{
    public static ModelPosition StartOf(Block block) => new(block, 0, "");

    public bool IsBlockStart => Offset == 0 && Lead.Length == 0;
}

/// <summary>One page of the print edition: its folio as printed (and as the PDF's page label shows it) and where it begins.</summary>
public sealed record PrintPageStart(string Label, ModelPosition Position);

/// <summary>
/// Where the print edition's pages begin in the model, in page order: what the print layout reports and the EPUB
/// turns into page-break markers and a page list, so a reader of the EPUB can cite the printed page. Pages that
/// begin with no content of the book (the cover, the contents, a blank verso) are not in it.
/// </summary>
public sealed class PrintPageMap
{
    private readonly Dictionary<Block, List<PrintPageStart>> _byBlock = new(ReferenceEqualityComparer.Instance);

    public PrintPageMap(IReadOnlyList<PrintPageStart> pages)
    {
        Pages = pages;
        foreach (var page in pages)
        {
            if (!_byBlock.TryGetValue(page.Position.Block, out var list)) _byBlock[page.Position.Block] = list = [];
            list.Add(page);
        }
    }

    public static PrintPageMap None { get; } = new([]);

    public IReadOnlyList<PrintPageStart> Pages { get; }

    public bool IsEmpty => Pages.Count == 0;

    /// <summary>The pages that begin inside or at the start of <paramref name="block"/> (this very block, not an equal one).</summary>
    public IReadOnlyList<PrintPageStart> StartsIn(Block block) => _byBlock.TryGetValue(block, out var list) ? list : [];
}
