using GptBook.Html;
using GptBook.Model;

namespace GptBook.Epub;

/// <summary>cover.xhtml: the cover picture alone on the first page of the spine, scaled to fit the screen.</summary>
public static class CoverPageWriter
{
    /// <param name="imageHref">The cover picture; when null (no picture could be made) the page shows the title as text.</param>
    public static byte[] Write(BookMetadata metadata, LanguageLabels labels, string? imageHref) =>
        XhtmlPageWriter.Write(metadata.Language, labels.Cover, "cover", "cover-page", xml =>
        {
            xml.WriteStartElement("section", XhtmlNames.Xhtml);
            xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, "cover");
            xml.WriteAttributeString("class", "cover");
            if (imageHref != null)
            {
                xml.WriteStartElement("img", XhtmlNames.Xhtml);
                xml.WriteAttributeString("src", imageHref);
                xml.WriteAttributeString("alt", CoverText(metadata));
                xml.WriteAttributeString("role", "doc-cover");
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("h1", XhtmlNames.Xhtml, metadata.Title);
                if (!string.IsNullOrWhiteSpace(metadata.Subtitle)) xml.WriteElementString("p", XhtmlNames.Xhtml, metadata.Subtitle);
                if (metadata.Authors.Count > 0) xml.WriteElementString("p", XhtmlNames.Xhtml, string.Join("、", metadata.Authors));
            }
            xml.WriteFullEndElement();
        });

    /// <summary>What the cover says, for its alt text: title, subtitle and authors.</summary>
    public static string CoverText(BookMetadata metadata) =>
        string.Join(" ", new[] { metadata.Title, metadata.Subtitle, string.Join("、", metadata.Authors) }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
