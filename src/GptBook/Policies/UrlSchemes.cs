using System.Text;
using System.Text.RegularExpressions;

namespace GptBook.Policies;

/// <summary>
/// Which links may reach a reader, the one rule the loader, book.yml's <c>links:</c>, the raw-HTML sanitizer, the
/// XHTML writer (EPUB and site) and the site's last check all apply: absolute <c>http:</c>, <c>https:</c> and
/// <c>mailto:</c> URLs. Other schemes fall in two classes. Those that can run code or read the reader's own files
/// (<c>javascript:</c>, <c>data:</c>, <c>file:</c> …) are unsafe: an error. The rest (<c>tel:</c>, <c>ftp:</c>,
/// app schemes) are merely unsupported: the link is shown as text, with one warning. The scheme is read the way
/// browsers read it (ignoring whitespace and control characters inside it, case-insensitively), so that
/// "java&#10;script:" cannot slip by.
/// </summary>
public static partial class UrlSchemes
{
    private static readonly HashSet<string> LinkSchemes = new(StringComparer.Ordinal) { "http", "https", "mailto" };

    /// <summary>Schemes whose targets run script, embed content or reach the reader's machine.</summary>
    private static readonly HashSet<string> UnsafeSchemes = new(StringComparer.Ordinal)
    {
        "javascript", "vbscript", "livescript", "data", "file", "blob", "filesystem", "jar", "view-source", "about", "chrome", "resource",
    };

    /// <summary>The schemes a link may have, for messages: "http(s) or mailto".</summary>
    public const string AllowedLinkSchemesText = "http(s) or mailto";

    public enum LinkVerdict
    {
        /// <summary>A link the outputs carry.</summary>
        Allowed,
        /// <summary>A scheme this tool does not link (tel:, ftp:, an app's own); shown as text with a warning.</summary>
        Unsupported,
        /// <summary>A scheme that could run code or reach local files; refused with an error.</summary>
        Unsafe,
    }

    [GeneratedRegex(@"^([a-z][a-z0-9+.\-]*):")]
    private static partial Regex SchemePattern();

    /// <summary>The lowercased scheme, or null for a relative reference (a Windows drive letter is not a scheme).</summary>
    public static string? SchemeOf(string url)
    {
        var sb = new StringBuilder();
        foreach (var c in url)
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)) sb.Append(char.ToLowerInvariant(c));
        var m = SchemePattern().Match(sb.ToString());
        if (!m.Success || m.Groups[1].Value.Length == 1) return null;
        return m.Groups[1].Value;
    }

    /// <summary>
    /// What to do with a link to <paramref name="url"/>, an absolute URL (one with a scheme). Allowed only when the
    /// scheme is http, https or mailto as written (no whitespace or control characters anywhere), and the whole is
    /// an absolute URI .NET can parse; an http(s) URL needs a host.
    /// </summary>
    public static LinkVerdict Judge(string url)
    {
        var scheme = SchemeOf(url);
        if (scheme == null) return LinkVerdict.Unsupported;
        if (UnsafeSchemes.Contains(scheme) || url.Any(char.IsControl)) return LinkVerdict.Unsafe;
        if (!LinkSchemes.Contains(scheme) || url.Any(char.IsWhiteSpace)) return LinkVerdict.Unsupported;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != scheme) return LinkVerdict.Unsupported;
        if (scheme != "mailto" && uri.Host.Length == 0) return LinkVerdict.Unsupported;
        return LinkVerdict.Allowed;
    }

    /// <summary>True when a link to <paramref name="url"/> may reach a reader (see <see cref="Judge"/>).</summary>
    public static bool IsAllowedLink(string url) => Judge(url) == LinkVerdict.Allowed;
}
