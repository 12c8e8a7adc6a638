using System.Text;
using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Policies;
using GptBook.Sources;

namespace GptBook.Configuration;

/// <summary>
/// A single Markdown file as a one-chapter book: the id comes from the file name, the title from the first
/// heading, the language from the text (Chinese when it contains Han characters), and the root is the parent of
/// the file's folder, as for book.yml. Everything else takes its default.
/// </summary>
internal static class SingleMarkdownOptionsReader
{
    public static BookOptions? Read(string full, DiagnosticBag diagnostics)
    {
        var root = BookOptionsReader.DefaultRoot(full);
        var relative = BookOptionsReader.RelativeToRoot(root, full);
        var text = SourceTextReader.Read(full, relative, diagnostics);
        if (text == null) return null;

        var id = IdFromFileName(Path.GetFileNameWithoutExtension(full));
        var title = Path.GetFileNameWithoutExtension(full);
        var language = text.EnumerateRunes().Any(r => CjkCharacters.IsHanIdeograph(r.Value)) ? "zh-CN" : "en";
        return new BookOptions
        {
            RootDirectory = root,
            BookFile = full,
            Metadata = new BookMetadata(id, title, null, language, [], BookOptionsReader.DefaultDate, null, []) { HasDate = false },
            Chapters = [relative],
            TitleFromFirstHeading = true,
        };
    }

    /// <summary>The file name with runs of anything but letters, digits, '.', '_' and '-' turned into one hyphen.</summary>
    internal static string IdFromFileName(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Trim())
        {
            if (char.IsLetterOrDigit(c) || c is '.' or '_' or '-') sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var id = sb.ToString().Trim('-', '.');
        return id.Length == 0 ? "book" : id;
    }
}
