using System.Security.Cryptography;
using System.Text;
using GptBook.Configuration;
using GptBook.Images;
using GptBook.Model;

namespace GptBook.Publishing;

/// <summary>
/// A hash of the book's own content: the book file, every chapter, every local image (and the SVG master beside a
/// bitmap, see <see cref="PrintMaster"/>) and the cover. Not the tool, the fonts or the time: it names the content
/// alone, so that the outputs' timestamp without SOURCE_DATE_EPOCH (<see cref="Policies.BuildTime"/>) changes when
/// the content does and only then. <see cref="BuildFingerprint"/> hashes the same inputs among its own.
/// </summary>
public static class ContentFingerprint
{
    public static string Compute(BookOptions options, Book book)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, options, book);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Adds the content's files to <paramref name="hash"/>, each after its name.</summary>
    internal static void Append(IncrementalHash hash, BookOptions options, Book book)
    {
        AddFile(hash, "book", options.BookFile);
        foreach (var chapter in options.Chapters)
            AddFile(hash, chapter, Path.Combine(options.RootDirectory, chapter));
        var images = ImageReferenceCollector.Collect(book)
            .Where(i => i.Kind == ImageSourceKind.Local && i.Path != null).Select(i => i.Path!)
            .Concat(options.Epub.Cover is { } cover ? [cover] : [])
            .Distinct(StringComparer.Ordinal).ToList();
        // A bitmap's SVG master prints in its place, so it is an input too.
        images = images.Concat(images.Select(i => PrintMaster.Find(options.RootDirectory, i)).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var image in images)
            AddFile(hash, image, Path.Combine(options.RootDirectory, image));
    }

    /// <summary>A label and its terminator, so that consecutive inputs cannot run into each other.</summary>
    internal static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    internal static void AddFile(IncrementalHash hash, string label, string path)
    {
        Add(hash, label);
        if (File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
        else Add(hash, "<missing>");
    }
}
