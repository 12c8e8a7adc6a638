using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace GptBook.Loading.Formulas;

/// <summary>
/// Registers the math parsers: the display block before paragraphs (so a <c>$$</c> line interrupts one), the inline
/// parser before Markdig's backslash escape (so <c>\(</c> is math and <c>\$</c> stays an escaped dollar).
/// </summary>
public sealed class MathMarkdownExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.BlockParsers.Contains<MathBlockParser>())
            pipeline.BlockParsers.Insert(0, new MathBlockParser());
        if (!pipeline.InlineParsers.Contains<MathInlineParser>())
            pipeline.InlineParsers.InsertBefore<EscapeInlineParser>(new MathInlineParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
