using GptBook.Fonts;
using GptBook.IO;
using GptBook.Model;

namespace GptBook.Epub.Cover;

/// <summary>
/// The cover drawn from the title when the book configures none (or its picture cannot be used): one drawing,
/// kept in the derived-file cache under the metadata and the fonts it depends on, so the EPUB and the site show
/// the same picture and a rebuild draws nothing.
/// </summary>
public static class DrawnCover
{
    /// <exception cref="IOException">The fonts cannot be read.</exception>
    /// <exception cref="FontFormatException">A bundled face is damaged.</exception>
    public static byte[] Png(BookMetadata metadata, FontSet fonts, DerivedFileCache cache) =>
        cache.GetOrCreate("epub-cover",
            [metadata.Title, metadata.Subtitle ?? "", string.Join("\n", metadata.Authors), .. DerivedFileCache.FontInputs(fonts.Directory)],
            () => CoverImageWriter.Write(metadata, fonts));
}
