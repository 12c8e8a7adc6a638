using GptBook.Formulas;
using Markdig.Parsers;
using Markdig.Syntax;

namespace GptBook.Loading.Formulas;

/// <summary>
/// Display math that starts a line: <c>$$</c> or <c>\[</c>, either closed on the same line (<c>$$ x = y $$</c>, a
/// one-line paragraph) or on a later line (<c>\end{aligned}$$</c> or a line of its own). The lines between are taken
/// verbatim, so TeX lines that look like Markdown (<c>- x</c>, <c>+ y</c>, blank lines) stay math. A <c>$$</c> that
/// is never closed, or followed by text on its line, is not display math and is left to the paragraph.
/// </summary>
public sealed class MathBlockParser : BlockParser
{
    public MathBlockParser() => OpeningCharacters = ['$', '\\'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line;
        var text = line.Text;
        var start = line.Start;
        string closer;
        if (Starts(text, start, line.End, "$$")) closer = "$$";
        else if (Starts(text, start, line.End, "\\[")) closer = "\\]";
        else return BlockState.None;
        var contentStart = start + 2;
        var close = MathDelimiters.Find(text, contentStart, line.End + 1, closer);
        if (close >= 0)
        {
            // One line: everything after the closer must be blank, or this is a paragraph that starts with math.
            if (text.AsSpan(close + 2, line.End + 1 - close - 2).Trim().Length > 0) return BlockState.None;
            if (text.AsSpan(contentStart, close - contentStart).Trim().Length == 0) return BlockState.None;
            var single = new MathMarkdownBlock(this) { Closer = closer, Line = processor.LineIndex, Column = processor.Column };
            single.Span = new SourceSpan(start, line.End);
            single.Map.Add(0, contentStart);
            single.Builder.Append(text, contentStart, close - contentStart);
            processor.NewBlocks.Push(single);
            return BlockState.BreakDiscard;
        }
        if (MathDelimiters.Find(text, line.End + 1, text.Length, closer) < 0) return BlockState.None;
        var block = new MathMarkdownBlock(this) { Closer = closer, Line = processor.LineIndex, Column = processor.Column };
        block.Span = new SourceSpan(start, line.End);
        block.Map.Add(0, contentStart);
        block.Builder.Append(text, contentStart, line.End + 1 - contentStart);
        processor.NewBlocks.Push(block);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var math = (MathMarkdownBlock)block;
        var line = processor.Line;
        var text = line.Text;
        math.Builder.Append('\n');
        var close = MathDelimiters.Find(text, line.Start, line.End + 1, math.Closer);
        math.Map.Add(math.Builder.Length, line.Start);
        if (close < 0)
        {
            if (line.Start <= line.End) math.Builder.Append(text, line.Start, line.End + 1 - line.Start);
            math.Span = new SourceSpan(math.Span.Start, Math.Max(math.Span.End, line.End));
            return BlockState.ContinueDiscard;
        }
        math.Builder.Append(text, line.Start, close - line.Start);
        var after = close + math.Closer.Length;
        if (text.AsSpan(after, Math.Max(0, line.End + 1 - after)).Trim().Length > 0)
        {
            math.Trailing = text.Substring(after, line.End + 1 - after).Trim();
            math.TrailingOffset = after;
        }
        math.Span = new SourceSpan(math.Span.Start, line.End);
        return BlockState.BreakDiscard;
    }

    private static bool Starts(string text, int start, int end, string opener) =>
        end - start + 1 >= opener.Length && string.CompareOrdinal(text, start, opener, 0, opener.Length) == 0;
}
