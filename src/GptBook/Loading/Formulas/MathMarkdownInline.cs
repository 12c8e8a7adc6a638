using Markdig.Syntax.Inlines;

namespace GptBook.Loading.Formulas;

/// <summary>Markdig's node for <c>$…$</c>, <c>\(…\)</c> and <c>$$…$$</c> inside a paragraph: the content and where it lies in the file.</summary>
public sealed class MathMarkdownInline : LeafInline
{
    public required string Content { get; init; }

    public required bool Display { get; init; }

    public required FormulaSourceMap Map { get; init; }
}
