using GptBook.Model;

namespace GptBook.Images;

/// <summary>Every image reference in a book, in reading order: figures, and images inside any inline content.</summary>
internal static class ImageReferenceCollector
{
    public static IReadOnlyList<ImageReference> Collect(Book book)
    {
        var found = new List<ImageReference>();
        foreach (var block in book.AllBlocksWithFootnotes())
        {
            if (block is Figure f) found.Add(f.Image);
            found.AddRange(block.InlineContent().SelectMany(list => list).SelectMany(i => i.DescendantsAndSelf())
                .OfType<InlineImage>().Select(i => i.Image));
        }
        return found;
    }
}
