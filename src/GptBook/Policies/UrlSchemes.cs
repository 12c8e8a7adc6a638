using System.Text;
using System.Text.RegularExpressions;

namespace GptBook.Policies;

/// <summary>
/// Which URL schemes a link may carry into the outputs. The scheme is read the way browsers read it (ignoring
/// whitespace and control characters inside it, case-insensitively), so that "java&#10;script:" cannot slip by.
/// </summary>
public static partial class UrlSchemes
{
    private static readonly HashSet<string> SafeLinkSchemes = new(StringComparer.Ordinal) { "http", "https", "mailto", "ftp", "tel" };

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

    /// <summary>Whether a link with this scheme may reach a reader: http(s), mailto, ftp, tel.</summary>
    public static bool IsAllowedLinkScheme(string scheme) => SafeLinkSchemes.Contains(scheme);
}
