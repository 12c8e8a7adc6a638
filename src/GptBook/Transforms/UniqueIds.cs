namespace GptBook.Transforms;

/// <summary>
/// The ids already given in a book, and the next free one for a stem ("x", else "x-2", "x-3" …): the one way heading,
/// equation and anchor ids are made unique.
/// </summary>
internal sealed class UniqueIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Marks an id given elsewhere as taken.</summary>
    public void Reserve(string id) => _used.Add(id);

    /// <summary>The stem itself when it is free, else the first free numbered form; taken from then on.</summary>
    public string Claim(string stem)
    {
        var id = stem;
        for (var n = 2; !_used.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }
}
