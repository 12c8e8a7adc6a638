using System.Text;
using GptBook.Html;
using GptBook.Model;

namespace GptBook.Site.Search;

/// <summary>
/// Cuts the chunked book into search results: each page's text from one heading to the next, as plain text (the
/// inline content of every block, code as it is; footnotes with the page that holds them).
/// </summary>
public static class SearchSections
{
    public static IReadOnlyList<SearchSection> Of(ChunkedBook book)
    {
        var sections = new List<SearchSection>();
        foreach (var chunk in book.Chunks)
        {
            var chapter = chunk.Chapter.Title is { Length: > 0 } t ? XmlCharacters.Clean(t).Trim() : chunk.Title;
            var (anchor, heading) = ("", chunk.Title);
            var text = new StringBuilder();
            void Flush()
            {
                if (text.Length > 0 || anchor.Length > 0)
                    sections.Add(new SearchSection(chunk.FileName, anchor, heading, chapter, text.ToString().Trim()));
                text.Clear();
            }
            foreach (var block in chunk.Blocks)
            {
                if (block is Heading h && h.Id.Length > 0)
                {
                    Flush();
                    (anchor, heading) = (h.Id, XmlCharacters.Clean(h.PlainText).Trim());
                    continue;
                }
                Append(text, block);
            }
            foreach (var note in chunk.Footnotes)
                foreach (var block in note.Blocks) Append(text, block);
            Flush();
        }
        return sections;
    }

    private static void Append(StringBuilder text, Block block)
    {
        foreach (var b in block.DescendantsAndSelf())
        {
            var piece = b switch
            {
                CodeBlock c => c.Code,
                _ => string.Join(" ", b.InlineContent().Select(Inline.PlainText)),
            };
            piece = string.Join(' ', XmlCharacters.Clean(piece).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (piece.Length == 0) continue;
            if (text.Length > 0) text.Append(' ');
            text.Append(piece);
        }
    }
}
