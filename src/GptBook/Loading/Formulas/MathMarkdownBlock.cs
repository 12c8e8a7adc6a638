using System.Text;
using Markdig.Parsers;
using Markdig.Syntax;

namespace GptBook.Loading.Formulas;

/// <summary>Markdig's node for display math on its own lines (<c>$$</c> … <c>$$</c>, <c>\[</c> … <c>\]</c>).</summary>
public sealed class MathMarkdownBlock(BlockParser parser) : LeafBlock(parser)
{
    internal StringBuilder Builder { get; } = new();

    public string Content => Builder.ToString();

    public FormulaSourceMap Map { get; } = new();

    /// <summary>The closing delimiter this block waits for: <c>$$</c> or <c>\]</c>.</summary>
    internal string Closer { get; init; } = "$$";

    /// <summary>Text written after the closing delimiter on its line, kept (as a paragraph) rather than dropped.</summary>
    public string? Trailing { get; internal set; }

    public int TrailingOffset { get; internal set; }
}
