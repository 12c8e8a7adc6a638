using System.Globalization;
using System.Text;

namespace GptBook.Images;

/// <summary>
/// A cache entry's manifest as text: a header line, one tab-separated line per file (name, width, height, media
/// type, DPI, length in bytes), one per finding (<c>note</c>, code, message), and a closing <c>end</c> line, so that a
/// manifest cut short is refused like a missing one. Plain lines rather than JSON: every build reads one manifest
/// per image and profile, and configuring System.Text.Json's contract for them was a fifth of a warm article build's
/// image stage (1 December profile).
/// </summary>
internal sealed record CacheManifest(List<CachedFile> Files, IReadOnlyList<CachedNote> Notes)
{
    private const string Header = "gptbook image cache entry";
    private const string End = "end";

    public string Format()
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var f in Files)
            text.Append(CultureInfo.InvariantCulture, $"file\t{Escape(f.File)}\t{f.Width}\t{f.Height}\t{Escape(f.MediaType)}\t{f.Dpi:R}\t{f.Bytes}\n");
        foreach (var note in Notes)
            text.Append(CultureInfo.InvariantCulture, $"note\t{note.Code.Id}\t{Escape(note.Message)}\n");
        return text.Append(End).Append('\n').ToString();
    }

    /// <summary>The manifest, or null when the text is not a whole manifest.</summary>
    public static CacheManifest? Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 3 || lines[0] != Header || lines[^1] != "" || lines[^2] != End) return null;
        var files = new List<CachedFile>();
        var notes = new List<CachedNote>();
        foreach (var line in lines.AsSpan(1, lines.Length - 3))
        {
            var fields = line.Split('\t');
            switch (fields)
            {
                case ["file", var name, var width, var height, var mediaType, var dpi, var bytes]
                    when int.TryParse(width, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                         && int.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                         && double.TryParse(dpi, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                         && long.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var b):
                    files.Add(new CachedFile(Unescape(name), w, h, Unescape(mediaType), d) { Bytes = b });
                    break;
                case ["note", var id, var message] when CachedNote.Recordable.TryGetValue(id, out var code):
                    notes.Add(new CachedNote(code, Unescape(message)));
                    break;
                default:
                    return null;
            }
        }
        return new CacheManifest(files, notes);
    }

    /// <summary>Backslash, tab and line breaks written as escapes, so that every field stays on its line.</summary>
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal)) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length) { text.Append(value[i]); continue; }
            text.Append(value[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
        }
        return text.ToString();
    }
}
