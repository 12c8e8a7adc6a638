using System.Text;
using System.Text.Json;
using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// Every address the site has published (a page's file name) and what it shows: the chapter's file and the heading
/// that opens the page. Kept in <see cref="FileName"/> beside book.yml, for the author to commit, and copied into the
/// site: the next build, even from a clean checkout, knows every address it must keep working. An address whose page
/// is gone (a renamed file, a changed slug) becomes a redirect to where its chapter or heading is now.
/// The JSON is written with sorted keys and no clock, so it changes only when an address does.
/// </summary>
public sealed class SiteAddressMap
{
    public const string FileName = "site-addresses.json";

    private const string About =
        "Every address this book's site has published, and the chapter file and heading each one shows. GptBook keeps " +
        "it up to date; commit it, so that links to renamed chapters keep working (they become redirects).";

    /// <summary>What an address shows: a chapter file (root-relative) and the id of the heading the page opens with
    /// (null for a page that opens without one).</summary>
    public sealed record Target(string File, string? Heading);

    private readonly SortedDictionary<string, Target> _entries = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Target> Entries => _entries;

    public void Set(string address, Target target) => _entries[address] = target;

    /// <summary>The map file of a book: beside its book.yml (or its single Markdown file).</summary>
    public static string PathFor(string bookFile) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(bookFile))!, FileName);

    /// <summary>
    /// Reads a map; null when the file does not exist (the book's first build with stable addresses). An unreadable
    /// file, or an entry that is not a page name in the site's folder, is reported and left out (never a crash,
    /// never a path outside the site).
    /// </summary>
    public static SiteAddressMap? Read(string path, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path)) return null;
        var map = new SiteAddressMap();
        var span = new SourceSpan(Path.GetFileName(path), 0, 0);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!json.RootElement.TryGetProperty("addresses", out var addresses) || addresses.ValueKind != JsonValueKind.Object)
                throw new JsonException("it has no \"addresses\" object");
            foreach (var entry in addresses.EnumerateObject())
            {
                var file = entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                var heading = entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("heading", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                if (!IsPageName(entry.Name) || string.IsNullOrEmpty(file))
                {
                    diagnostics.Report(DiagnosticCodes.SiteAddressIgnored, span,
                        $"the address '{entry.Name}' in {FileName} is not a page of the site with a chapter file; it is ignored");
                    continue;
                }
                map._entries[entry.Name] = new Target(file, heading);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Report(DiagnosticCodes.SiteAddressIgnored, span,
                $"{FileName} could not be read ({e.Message}); old addresses it lists get no redirect until it is fixed or deleted");
            return new SiteAddressMap();
        }
        return map;
    }

    /// <summary>Copies the site's map to <paramref name="bookMapFile"/> when it differs (so an unchanged book never
    /// touches the author's file, and a watcher on the book folder sees nothing).</summary>
    public static void Keep(string siteDirectory, string bookMapFile)
    {
        var written = Path.Combine(siteDirectory, FileName);
        if (!File.Exists(written)) return;
        var bytes = File.ReadAllBytes(written);
        if (File.Exists(bookMapFile) && File.ReadAllBytes(bookMapFile).AsSpan().SequenceEqual(bytes)) return;
        IO.AtomicFile.WriteAllBytes(bookMapFile, bytes);
    }

    /// <summary>A name the site could have published a page under: one file in its folder, ending in .html.</summary>
    public static bool IsPageName(string name) =>
        name.EndsWith(SiteWriter.PageExtension, StringComparison.Ordinal) && name.Length > SiteWriter.PageExtension.Length
        && !name.StartsWith('.') && name.IndexOfAny(['/', '\\', ':', '\0', '?', '#', '%']) < 0 && !name.Any(char.IsControl);

    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   // Han characters as they are, not \\u escapes: the file is for people to read and diff too.
                   Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            json.WriteStartObject();
            json.WriteString("about", About);
            json.WriteStartObject("addresses");
            foreach (var (address, target) in _entries)
            {
                json.WriteStartObject(address);
                json.WriteString("file", target.File);
                if (target.Heading != null) json.WriteString("heading", target.Heading);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
