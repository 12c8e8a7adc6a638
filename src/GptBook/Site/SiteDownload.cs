namespace GptBook.Site;

/// <summary>
/// A built file the site offers for download: <see cref="Label"/> names the format on its button ("PDF",
/// "EPUB"), <see cref="FilePath"/> is the file to copy next to the site's pages. A download whose file does not
/// exist (that format was not built) is left out of the site.
/// </summary>
public sealed record SiteDownload(string Label, string FilePath);
