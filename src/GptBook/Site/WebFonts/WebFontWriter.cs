using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GptBook.Fonts;
using GptBook.IO;

namespace GptBook.Site.WebFonts;

/// <summary>
/// Writes the site's fonts: for each bundled face its pages need, WOFF2 subsets holding only the book's characters
/// (<see cref="TrueTypeSubsetter"/>, <see cref="Woff2Writer"/>), cut into slices (<see cref="WebFontSlices"/>), and
/// fonts.css with an @font-face per slice (font-display: swap: text shows at once in the reader's own font, then in
/// ours) and the typography rules. Subsets are kept in the derived-file cache by face and characters: an edit
/// that adds a character re-encodes only the slice that holds it.
/// </summary>
public static class WebFontWriter
{
    public const string Folder = "fonts";
    public const string Stylesheet = "fonts.css";

    /// <summary>
    /// What was written: the stylesheet and every font file with its size, for the build's report; and for each page
    /// (in the order <see cref="WebFontCharacters"/> recorded them) the font files holding the characters it shows.
    /// </summary>
    public sealed record Result(IReadOnlyList<(string File, long Bytes)> Files, IReadOnlyList<IReadOnlyList<string>> PageFonts);

    public static Result Write(string siteDirectory, FontSet? fonts, WebFontCharacters? characters, DerivedFileCache cache)
    {
        var css = new StringBuilder("/* The book's own typefaces, cut to the characters it uses; written by GptBook for this book. */\n");
        var files = new List<(string, long)>();
        var shipped = new HashSet<FontRole>();
        var pageFonts = Enumerable.Range(0, characters?.Pages.Count ?? 0).Select(_ => new List<string>()).ToArray();
        if (fonts != null && characters != null)
        {
            Directory.CreateDirectory(Path.Combine(siteDirectory, Folder));
            foreach (var face in Enum.GetValues<FontRole>())
            {
                var pages = characters.Pages.Select(p => (IReadOnlySet<int>)(p.TryGetValue(face, out var set) ? set : new SortedSet<int>())).ToArray();
                var all = new SortedSet<int>(pages.SelectMany(p => p));
                if (all.Count == 0) continue;
                shipped.Add(face);
                var slices = WebFontSlices.Cut(pages);
                // Which slices each page shows, from each character's slice (the slices share no character): one
                // lookup per character a page shows, rather than a set comparison per slice and page.
                var sliceOf = new Dictionary<int, int>();
                for (var i = 0; i < slices.Count; i++)
                    foreach (var c in slices[i]) sliceOf[c] = i;
                var shows = pages.Select(page => page.Select(c => sliceOf[c]).ToHashSet()).ToArray();
                for (var i = 0; i < slices.Count; i++)
                {
                    var woff2 = Encode(fonts, face, slices[i], cache);
                    var name = $"{Folder}/{Slug(face)}-{i}-{Convert.ToHexStringLower(SHA256.HashData(woff2))[..12]}.woff2";
                    File.WriteAllBytes(Path.Combine(siteDirectory, name), woff2);
                    files.Add((name, woff2.Length));
                    for (var p = 0; p < pages.Length; p++)
                        if (shows[p].Contains(i)) pageFonts[p].Add(name);
                    css.Append("@font-face {\n")
                        .Append($"  font-family: \"{WebTypography.Family(face)}\";\n")
                        .Append($"  src: url(\"{name}\") format(\"woff2\");\n")
                        .Append("  font-weight: 100 900;\n")
                        .Append("  font-display: swap;\n")
                        .Append($"  unicode-range: {WebFontSlices.UnicodeRange(slices[i], all)};\n")
                        .Append("}\n");
                }
            }
        }
        css.Append(WebTypography.Css(shipped));
        var bytes = new UTF8Encoding(false).GetBytes(css.ToString());
        File.WriteAllBytes(Path.Combine(siteDirectory, Stylesheet), bytes);
        files.Insert(0, (Stylesheet, bytes.Length));
        return new Result(files, pageFonts);
    }

    private static byte[] Encode(FontSet fonts, FontRole face, SortedSet<int> characters, DerivedFileCache cache) =>
        cache.GetOrCreate("webfont",
            [FontSet.FileName(face), new FileInfo(fonts.PathOf(face)).Length.ToString(CultureInfo.InvariantCulture),
             string.Join(",", characters.Select(c => c.ToString("X", CultureInfo.InvariantCulture)))],
            () => Woff2Writer.Write(TrueTypeSubsetter.Subset(fonts.Font(face), characters, keepLigatures: face == FontRole.Emoji)));

    private static string Slug(FontRole face) => face switch
    {
        FontRole.SerifRegular => "serif",
        FontRole.SerifBold => "serif-bold",
        FontRole.SansBold => "sans-bold",
        FontRole.Mono => "mono",
        _ => face.ToString().ToLowerInvariant(),
    };
}
