namespace GptBook.Configuration;

/// <summary>
/// Static site settings. The site is chunked exactly like the EPUB. <see cref="BaseUrl"/> is where the site will be
/// published (absolute http(s), ending in "/"): with it the site gets canonical links, absolute OpenGraph URLs,
/// sitemap.xml and robots.txt; without it, only what works at any address.
/// </summary>
public sealed record SiteOptions(string? BaseTitle = null, string? BaseUrl = null);
