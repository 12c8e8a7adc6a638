namespace GptBook.Configuration;

/// <summary>Static site settings. The site is chunked exactly like the EPUB.</summary>
public sealed record SiteOptions(string? BaseTitle = null);
