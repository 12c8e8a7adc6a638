namespace GptBook.Configuration;

/// <summary>The <c>site:</c> section of book.yml.</summary>
internal static class SiteOptionsReader
{
    public static SiteOptions Read(YamlSection s)
    {
        var section = s.Section("site");
        if (section == null) return new SiteOptions();
        var options = new SiteOptions(section.String("base_title"), BaseUrl(section));
        section.ReportUnknownKeys();
        return options;
    }

    /// <summary>An absolute http(s) URL without query or fragment; a missing final "/" is added, since page
    /// addresses are made by appending file names to it.</summary>
    private static string? BaseUrl(YamlSection section)
    {
        var node = section.Scalar("base_url");
        var text = node?.Value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            section.Error(node!, $"'site.base_url' must be the absolute http(s) address the site is published at, such as https://example.com/book/, not '{text}'");
            return null;
        }
        // An internationalized host in its ASCII form: sitemaps and link previews want plain URLs.
        var ascii = new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        return ascii.EndsWith('/') ? ascii : ascii + "/";
    }
}
