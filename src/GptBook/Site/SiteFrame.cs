using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// What the frame of every page shows that is the same across the site, fixed for one build: the book's metadata
/// and words, the tab-title suffix, where the site is published (if known), the downloads the footer offers, and
/// the picture shared pages show (the cover).
/// </summary>
/// <param name="BaseUrl">The published address, ending in "/", or null when unknown (then no absolute URLs).</param>
/// <param name="ShareImage">The cover for OpenGraph and Twitter cards, relative to the site root; null if none.</param>
public sealed record SiteFrame(
    BookMetadata Metadata,
    LanguageLabels Labels,
    SiteLabels SiteLabels,
    string TitleSuffix,
    string? BaseUrl,
    IReadOnlyList<SiteHomePage.Download> Downloads,
    string? ShareImage)
{
    /// <summary>
    /// What every link to another file of the site starts with: "" on the site's own pages, which all sit in one
    /// folder; the published path ("/book/") on the 404 page, which a host serves for missing addresses at any depth.
    /// </summary>
    public string Root { get; init; } = "";

    /// <summary>The address of a site file once published, or null without a base URL. The home page is the base
    /// URL itself, as hosts serve and readers share it.</summary>
    public string? AbsoluteUrl(string fileName) =>
        BaseUrl == null ? null : BaseUrl + (fileName == SiteWriter.IndexFile ? "" : EscapePath(fileName));

    /// <summary>A site path as a URL path: each segment percent-encoded (Han characters included), slashes kept.</summary>
    public static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
