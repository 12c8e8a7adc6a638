namespace GptBook.Configuration;

/// <summary>
/// EPUB settings. <see cref="SplitLevel"/>: headings of this level or higher start a new XHTML file (chunk).
/// <see cref="TocDepth"/>: the deepest heading level listed in nav.xhtml and toc.ncx.
/// <see cref="Cover"/>: a root-relative image path; when null the build draws a cover from the title.
/// <see cref="Math"/>: how formulas are written (MathML, or pictures for readers without MathML such as Kindle).
/// </summary>
public sealed record EpubOptions(int SplitLevel = 2, int TocDepth = 3, string? Cover = null, EpubMathFormat Math = EpubMathFormat.MathML);

/// <summary>
/// How the EPUB writes formulas: <see cref="MathML"/> (the default; every EPUB 3 reader with MathML and screen
/// readers get the structure) or <see cref="Images"/> (each formula an SVG picture drawn by the PDF's math engine,
/// for an EPUB that calibre converts for Kindle, whose renderer does not lay MathML out).
/// </summary>
public enum EpubMathFormat { MathML, Images }
