namespace GptBook.Epub;

/// <summary>Where things go inside the package. Pages, nav and OPF share one folder so chunk hrefs need no prefix.</summary>
public static class EpubLayout
{
    public const string ContentFolder = "EPUB";
    public const string PackageFile = "package.opf";
    public const string NavFile = "nav.xhtml";
    public const string NcxFile = "toc.ncx";
    public const string CoverPage = "cover.xhtml";
    public const string Stylesheet = "styles/book.css";
    public const string ImagesFolder = "images/";
}
