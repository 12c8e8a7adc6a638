using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GptBook.Site.Preview;

/// <summary>
/// What the preview server adds to a page on its way to the browser, never to the built file: the live-reload
/// script and the preview stylesheet (from <see cref="Prefix"/>, the server's own path), the last build's failure
/// at the top of the body, and a content security policy widened just enough for those (scripts and connections to
/// the server itself). The built site stays free of all of it.
/// </summary>
public static partial class PreviewPageInjector
{
    /// <summary>The server's own paths; a site never has a folder of this name.</summary>
    public const string Prefix = "/__gptbook/";

    public const string LiveScript = Prefix + "live.js";
    public const string Stylesheet = Prefix + "preview.css";
    public const string Events = Prefix + "events";

    /// <param name="generation">The build the page comes from: the script reloads the page when the server's
    /// generation is another one.</param>
    public static byte[] Inject(byte[] page, int generation, string? failure)
    {
        var html = Encoding.UTF8.GetString(page);
        html = PolicyMeta().Replace(html, m => m.Groups[1].Value + Escape(WidenPolicy(WebUtility.HtmlDecode(m.Groups[2].Value))) + m.Groups[3].Value, 1);
        html = InsertBefore(html, "</head>", $"<link rel=\"stylesheet\" href=\"{Stylesheet}\" />", last: false);
        if (failure != null)
        {
            var body = BodyStart().Match(html);
            html = body.Success ? html.Insert(body.Index + body.Length, Banner(failure)) : Banner(failure) + html;
        }
        return Encoding.UTF8.GetBytes(InsertBefore(html, "</body>", $"<script src=\"{LiveScript}\" data-generation=\"{generation}\"></script>", last: true));
    }

    /// <summary>A page for a request the site cannot answer because no build has succeeded yet.</summary>
    public static byte[] FailurePage(int generation, string failure) => Inject(Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" />" +
        $"<meta http-equiv=\"Content-Security-Policy\" content=\"{SiteContentSecurityPolicy.Value}\" />" +
        "<title>Build failed</title></head><body></body></html>\n"), generation, failure);

    /// <summary>The policy with 'self' added to script-src and connect-src (created from nothing if absent).</summary>
    public static string WidenPolicy(string policy)
    {
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var name in new[] { "script-src", "connect-src" })
        {
            var at = directives.FindIndex(d => d.Split(' ')[0].Equals(name, StringComparison.OrdinalIgnoreCase));
            if (at < 0) directives.Add(name + " 'self'");
            else if (!directives[at].Split(' ').Contains("'self'"))
                directives[at] = string.Join(' ', directives[at].Split(' ').Where(s => s != "'none'").Append("'self'"));
        }
        return string.Join("; ", directives);
    }

    /// <summary>Text for an attribute or element: the four characters that matter, and nothing else (the site's
    /// pages write apostrophes as they are, and so does this).</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string Banner(string failure) =>
        "<div class=\"gptbook-preview-error\" role=\"alert\"><strong>The last build failed; this page is from the last good build.</strong>" +
        $"<pre>{Escape(failure)}</pre></div>";

    private static string InsertBefore(string html, string tag, string insert, bool last)
    {
        var at = last ? html.LastIndexOf(tag, StringComparison.OrdinalIgnoreCase) : html.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + insert : html.Insert(at, insert);
    }

    [GeneratedRegex("""(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")""", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyMeta();

    [GeneratedRegex(@"<body\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyStart();
}
