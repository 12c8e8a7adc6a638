using GptBook.Configuration;
using GptBook.Layout.Text;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Layout;

/// <summary>
/// The book's type scale, derived from the body size and leading in <see cref="PdfOptions"/>: headings in the sans
/// face, code and captions a little smaller, vertical space in multiples of the body leading.
/// </summary>
public sealed record LayoutStyle(Length BodySize, double LineHeight)
{
    public static LayoutStyle From(PdfOptions options) => new(options.FontSize, options.LineHeight);

    public Length Leading => BodySize * LineHeight;

    public TextStyle Body => new(FontRole.SerifRegular, BodySize);
    public TextStyle Strong => new(FontRole.SerifBold, BodySize);
    public TextStyle InlineCode => new(FontRole.Mono, BodySize * 0.9);
    public TextStyle Code => new(FontRole.Mono, BodySize * 0.85);
    public Length CodeLeading => Code.Size * 1.45;
    public TextStyle Caption => new(FontRole.SerifRegular, BodySize * 0.9);
    public TextStyle CaptionLabel => new(FontRole.SansBold, BodySize * 0.9);
    public TextStyle Small => new(FontRole.SerifRegular, BodySize * 0.85);
    public TextStyle RunningHead => new(FontRole.SerifRegular, BodySize * 0.8);
    public TextStyle Folio => new(FontRole.SerifRegular, BodySize * 0.85);

    public TextStyle Heading(int level) => new(FontRole.SansBold, BodySize * level switch
    {
        1 => 2.0,
        2 => 1.5,
        3 => 1.25,
        4 => 1.1,
        _ => 1.0,
    });

    public Length HeadingLeading(int level) => Heading(level).Size * 1.45;

    public Length SpaceBeforeHeading(int level) => Leading * (level <= 2 ? 1.6 : 1.0);
    public Length SpaceAfterHeading(int level) => Leading * (level <= 1 ? 1.2 : 0.45);

    /// <summary>Footnotes at the page foot: the small size, set a little tighter than the body.</summary>
    public Length NoteLeading => Small.Size * 1.5;

    public Length BlockGap => Leading * 0.5;
    public Length ParagraphIndent => BodySize * 2;
    public Length ListIndent => BodySize * 2;
    public Length QuoteIndent => BodySize * 2;
}
