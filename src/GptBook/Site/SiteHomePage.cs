using System.Globalization;
using System.Xml.Linq;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Site;

/// <summary>
/// The home page's main content: the cover (the configured or drawn cover picture, see SiteCoverSource, else a title card drawn
/// with HTML and CSS), title, subtitle, authors, date, description, a download button per built file with its
/// size, and the table of contents.
/// </summary>
public static class SiteHomePage
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <param name="cover">The cover picture scaled for the home page, or null for a title card.</param>
    public static XElement Build(BookMetadata metadata, LanguageLabels labels, SiteLabels siteLabels,
        XElement tableOfContents, SiteCoverImage.Prepared? cover)
    {
        var authors = string.Join(siteLabels.AuthorSeparator, metadata.Authors);
        var intro = new XElement(X + "div", new XAttribute("class", "book-intro"),
            new XElement(X + "h1", new XAttribute("class", "book-title"), metadata.Title),
            metadata.Subtitle is { Length: > 0 } subtitle ? new XElement(X + "p", new XAttribute("class", "book-subtitle"), subtitle) : null,
            BookMeta(metadata, authors, siteLabels),
            metadata.Description is { Length: > 0 } description ? new XElement(X + "p", new XAttribute("class", "book-description"), description) : null,
            // The download buttons go in once the files are built (SiteDownloadLists).
            SiteDownloadLists.Slot(SiteDownloadLists.Place.Home, ""));

        return SiteLayout.Main(
            new XElement(X + "div", new XAttribute("class", "book-home"),
                new XElement(X + "div", new XAttribute("class", "hero"),
                    cover != null ? CoverPicture(metadata, labels, cover) : TitleCard(metadata, authors),
                    intro),
                tableOfContents));
    }

    private static XElement CoverPicture(BookMetadata metadata, LanguageLabels labels, SiteCoverImage.Prepared cover) =>
        new(X + "div", new XAttribute("class", "cover"),
            new XElement(X + "img",
                new XAttribute("src", cover.Src),
                new XAttribute("srcset", cover.SrcSet),
                new XAttribute("width", cover.Width.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("height", cover.Height.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("alt", $"{labels.Cover}：{metadata.Title}")));

    /// <summary>The card repeats the title visually; the heading beside it is what assistive technology reads.</summary>
    private static XElement TitleCard(BookMetadata metadata, string authors) =>
        new(X + "div", new XAttribute("class", "cover"),
            new XElement(X + "div", new XAttribute("class", "cover-card"), new XAttribute("aria-hidden", "true"),
                new XElement(X + "div",
                    new XElement(X + "div", new XAttribute("class", "cover-title"), metadata.Title),
                    metadata.Subtitle is { Length: > 0 } sub ? new XElement(X + "div", new XAttribute("class", "cover-subtitle"), sub) : null),
                authors.Length > 0 ? new XElement(X + "div", new XAttribute("class", "cover-authors"), authors) : null));

    /// <summary>The authors and the date, each only when the book gives it; null when it gives neither.</summary>
    private static XElement? BookMeta(BookMetadata metadata, string authors, SiteLabels siteLabels)
    {
        var date = metadata.HasDate
            ? new XElement(X + "time", new XAttribute("datetime", metadata.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), siteLabels.FormatDate(metadata.Date))
            : null;
        if (authors.Length == 0 && date == null) return null;
        return new XElement(X + "p", new XAttribute("class", "book-meta"), authors.Length > 0 && date != null ? authors + " · " : authors, date);
    }
}
