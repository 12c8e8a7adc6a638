using System.Globalization;
using System.Text;
using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// Splits a book once into chunks, for the EPUB and the site alike: every chapter starts a chunk, and so does every
/// top-level heading of level ≤ the split level. Footnotes go to the chunk of their first reference.
/// By default chunk names are <c>ch</c> + a three-digit reading-order number + an ASCII slug of the heading (or
/// chapter) id (<see cref="PositionalName"/>): stable across builds of the same content and safe in every file
/// system and reading system. A writer whose addresses must survive a chapter inserted in front (the site) passes
/// its own naming; the chunker keeps names unique whatever it proposes.
/// </summary>
public static class BookChunker
{
    private const int MaxSlugLength = 40;

    /// <param name="book">The book, after ids and figure numbers have been assigned.</param>
    /// <param name="splitLevel">Headings of this level or higher (1 … splitLevel) start a new chunk.</param>
    /// <param name="fileExtension">Appended to each chunk name: <c>.xhtml</c> for EPUB, <c>.html</c> for the site.</param>
    /// <param name="naming">The names a chunk may take, best first; <see cref="PositionalName"/> when null.</param>
    /// <param name="reservedNames">Names no chunk may take (the writer's own files), compared without case.</param>
    public static ChunkedBook Split(Book book, int splitLevel, string fileExtension = ".xhtml",
        Func<ChunkPlace, IEnumerable<string>>? naming = null, IEnumerable<string>? reservedNames = null)
    {
        var drafts = new List<Draft>();
        foreach (var chapter in book.Chapters)
        {
            Draft? current = null;
            foreach (var block in chapter.Blocks)
            {
                var startsChunk = block is Heading h && h.Level <= splitLevel;
                if (current == null || (startsChunk && current.Blocks.Count > 0))
                {
                    current = new Draft(chapter, startsChunk ? (Heading)block : null, opensChapter: current == null);
                    drafts.Add(current);
                }
                current.Blocks.Add(block);
            }
            if (current == null) drafts.Add(new Draft(chapter, null, opensChapter: true)); // an empty chapter still gets a page
        }

        var names = Names(drafts, naming ?? (place => [PositionalName(place)]), reservedNames ?? []);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var footnoteHome = AssignFootnotes(book, drafts, referenced);

        var chunks = new List<Chunk>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            // Never blank: a page needs a <title>, and a nav entry needs text.
            var title = new[] { d.Heading?.PlainText, d.Chapter.Title, book.Metadata.Title, names[i] }
                .Select(t => XmlCharacters.Clean(t ?? "").Trim()).First(t => t.Length > 0);
            var notes = d.Chapter.Footnotes.Where(f => footnoteHome.GetValueOrDefault(f.Id) == d).ToArray();
            chunks.Add(new Chunk(i + 1, names[i], names[i] + fileExtension, title, d.Heading, d.Chapter, d.Blocks.ToArray(), notes));
        }

        var chunkById = new Dictionary<string, Chunk>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            foreach (var id in AnchorIds(drafts[i].Blocks))
                chunkById.TryAdd(id, chunks[i]);
            foreach (var note in chunks[i].Footnotes)
            {
                chunkById.TryAdd(note.Id, chunks[i]);
                if (referenced.Contains(note.Id))
                    chunkById.TryAdd(ChunkedBook.FootnoteReferenceId(note.Id), chunks[i]);
            }
        }
        return new ChunkedBook(book, chunks, chunkById);
    }

    /// <summary>Footnote id → the draft holding its first reference; unreferenced notes go to their chapter's last chunk.</summary>
    private static Dictionary<string, Draft> AssignFootnotes(Book book, List<Draft> drafts, HashSet<string> referenced)
    {
        var home = new Dictionary<string, Draft>(StringComparer.Ordinal);
        foreach (var draft in drafts)
            foreach (var reference in draft.Blocks.SelectMany(b => b.DescendantsAndSelf()).SelectMany(b => b.InlineContent()).SelectMany(list => list).SelectMany(i => i.DescendantsAndSelf()).OfType<FootnoteReference>())
            {
                home.TryAdd(reference.FootnoteId, draft);
                referenced.Add(reference.FootnoteId);
            }
        foreach (var chapter in book.Chapters)
            foreach (var note in chapter.Footnotes)
                if (!home.ContainsKey(note.Id))
                    home[note.Id] = drafts.Last(d => d.Chapter == chapter);
        return home;
    }

    private static IEnumerable<string> AnchorIds(IEnumerable<Block> blocks) =>
        blocks.SelectMany(b => b.DescendantsAndSelf()).SelectMany(b => (b switch
        {
            Heading h => [h.Id],
            Figure f => [f.Id],
            _ => Enumerable.Empty<string>(),
        }).Concat(b.EquationIds()).Concat(b.AnchorIds())).Where(id => id.Length > 0);

    /// <summary>
    /// Each draft's name: the first of its candidates not yet taken, else the last one with -2, -3 …. Chunks that
    /// open a chapter choose first, in reading order, then the others, so that a section never takes the name a
    /// chapter would have had. Compared without case: a case-insensitive file system must not see two equal names.
    /// </summary>
    private static string[] Names(List<Draft> drafts, Func<ChunkPlace, IEnumerable<string>> naming, IEnumerable<string> reserved)
    {
        var taken = new HashSet<string>(reserved, StringComparer.OrdinalIgnoreCase);
        var names = new string[drafts.Count];
        var order = Enumerable.Range(0, drafts.Count).OrderBy(i => drafts[i].OpensChapter ? 0 : 1).ThenBy(i => i);
        foreach (var i in order)
        {
            var d = drafts[i];
            var candidates = naming(new ChunkPlace(i + 1, d.Chapter, d.Heading, d.OpensChapter)).Where(n => n.Length > 0).ToArray();
            if (candidates.Length == 0) candidates = [PositionalName(new ChunkPlace(i + 1, d.Chapter, d.Heading, d.OpensChapter))];
            var name = candidates.FirstOrDefault(taken.Add);
            for (var n = 2; name == null; n++)
                if (taken.Add($"{candidates[^1]}-{n}")) name = $"{candidates[^1]}-{n}";
            names[i] = name;
        }
        return names;
    }

    /// <summary>The EPUB's names: <c>ch</c> + the three-digit reading-order number + an ASCII slug of the heading
    /// (or chapter) id, such as <c>ch003-gpt-1</c>; a valid XML id, as package manifests need.</summary>
    public static string PositionalName(ChunkPlace place) => ChunkName(place.Index, place.Heading?.Id ?? place.Chapter.Id);

    internal static string ChunkName(int index, string id)
    {
        var slug = Slug(id);
        var number = "ch" + index.ToString("000", CultureInfo.InvariantCulture);
        return slug.Length == 0 ? number : number + "-" + slug;
    }

    /// <summary>Lowercase ASCII letters and digits of the id, other runs collapsed to one hyphen.</summary>
    private static string Slug(string id)
    {
        var sb = new StringBuilder();
        foreach (var c in id.Normalize(NormalizationForm.FormKC))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (c is >= 'A' and <= 'Z') sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= MaxSlugLength) break;
        }
        return sb.ToString().Trim('-');
    }

    private sealed class Draft(Chapter chapter, Heading? heading, bool opensChapter)
    {
        public Chapter Chapter { get; } = chapter;
        public Heading? Heading { get; } = heading;
        public bool OpensChapter { get; } = opensChapter;
        public List<Block> Blocks { get; } = [];
    }
}
