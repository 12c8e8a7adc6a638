using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Breaks a paragraph into lines (justified unless asked otherwise) of at most <c>measure</c> width. The block layout depends only on
/// this, so tests can pass a composer with fixed advances; the real one wraps the text stage's ParagraphComposer.
/// The first line is set <c>firstLineIndent</c> narrower, with its runs starting after the indent.
/// </summary>
public interface ILineComposer
{
    /// <param name="alignment">Justified body text, or lines the author aligned (raw HTML's align): those are ragged
    /// and placed within the measure as asked.</param>
    IReadOnlyList<ComposedLine> Compose(IReadOnlyList<StyledText> paragraph, Length measure, Length firstLineIndent, TextAlignment alignment = TextAlignment.Justify);

    /// <summary>Code: spaces kept, lines broken only at the measure, each wrapped line ending in a mark whose
    /// <see cref="PositionedRun.SourceText"/> is empty.</summary>
    IReadOnlyList<ComposedLine> ComposeCode(IReadOnlyList<StyledText> line, Length measure);
}
