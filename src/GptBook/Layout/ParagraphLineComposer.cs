using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>The real composer behind <see cref="ILineComposer"/>: the text stage's Chinese-aware ParagraphComposer, justified.</summary>
public sealed class ParagraphLineComposer(ParagraphComposer composer) : ILineComposer
{
    public IReadOnlyList<ComposedLine> Compose(IReadOnlyList<StyledText> paragraph, Length measure, Length firstLineIndent) =>
        composer.Compose(paragraph, ParagraphSettings.Body(measure, firstLineIndent));

    public IReadOnlyList<ComposedLine> ComposeCode(IReadOnlyList<StyledText> line, Length measure) =>
        composer.Compose(line, ParagraphSettings.Code(measure));
}
