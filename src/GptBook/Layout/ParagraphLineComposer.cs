using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>The real composer behind <see cref="ILineComposer"/>: the text stage's Chinese-aware ParagraphComposer, justified unless the author aligned the text.</summary>
public sealed class ParagraphLineComposer(ParagraphComposer composer) : ILineComposer
{
    public IReadOnlyList<ComposedLine> Compose(IReadOnlyList<StyledText> paragraph, Length measure, Length firstLineIndent, TextAlignment alignment = TextAlignment.Justify) =>
        composer.Compose(paragraph, ParagraphSettings.Body(measure, firstLineIndent) with { Alignment = alignment });

    public IReadOnlyList<ComposedLine> ComposeCode(IReadOnlyList<StyledText> line, Length measure) =>
        composer.Compose(line, ParagraphSettings.Code(measure));
}
