namespace GptBook.Configuration;

/// <summary>
/// EPUB settings. <see cref="SplitLevel"/>: headings of this level or higher start a new XHTML file (chunk).
/// <see cref="TocDepth"/>: the deepest heading level listed in nav.xhtml and toc.ncx.
/// <see cref="Cover"/>: a root-relative image path; when null the build draws a cover from the title.
/// </summary>
public sealed record EpubOptions(int SplitLevel = 2, int TocDepth = 3, string? Cover = null);
