using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// What the frame of every page shows that is the same across the site, fixed for one build: the book's metadata
/// and words, the tab-title suffix, where the site is published (if known), and the picture shared pages show (the
/// cover). The downloads the footer offers are put in after the pages are made (<see cref="SiteDownloadLists"/>).
/// </summary>
/// <param name="BaseUrl">The published address, ending in "/", or null when unknown (then no absolute URLs).</param>
/// <param name="ShareImage">The cover for OpenGraph and Twitter cards, relative to the site root; null if none.</param>
public sealed record SiteFrame(
    BookMetadata Metadata,
    LanguageLabels Labels,
    SiteLabels SiteLabels,
    string TitleSuffix,
    string? BaseUrl,
    string? ShareImage)
{
    /// <summary>
    /// What every link to another file of the site starts with: "" on the site's own pages, which all sit in one
    /// folder; the published path ("/book/") on the 404 page, which a host serves for missing addresses at any depth.
    /// </summary>
    public string Root { get; init; } = "";

    /// <summary>The address of a site file once published, or null without a base URL. The home page is the base
    /// URL itself, as hosts serve and readers share it.</summary>
    public string? AbsoluteUrl(string href) =>
        BaseUrl == null ? null : BaseUrl + (href == SiteWriter.IndexFile ? "" : EscapeHref(href));

    /// <summary>A site href as URL text: each path segment and the fragment percent-encoded (Han characters
    /// included), slashes and the "#" kept.</summary>
    public static string EscapeHref(string href)
    {
        var hash = href.IndexOf('#');
        var path = hash < 0 ? href : href[..hash];
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return hash < 0 ? escaped : escaped + "#" + Uri.EscapeDataString(href[(hash + 1)..]);
    }
}
