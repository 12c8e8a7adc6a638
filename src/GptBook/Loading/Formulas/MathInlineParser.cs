using GptBook.Formulas;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace GptBook.Loading.Formulas;

/// <summary>
/// Math inside a paragraph: <c>$…$</c>, <c>\(…\)</c>, and <c>$$…$$</c> (display math written inside a line), found by
/// <see cref="MathDelimiters.MatchInline"/> with pandoc's dollar rules. <c>\$</c> is never an opener (Markdig's
/// escape has consumed it), code spans are parsed before reaching here, so a <c>$</c> in code is code.
/// </summary>
public sealed class MathInlineParser : InlineParser
{
    public MathInlineParser() => OpeningCharacters = ['$', '\\'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (MathDelimiters.MatchInline(slice.Text, slice.Start, slice.End + 1) is not { } math) return false;
        return Accept(processor, ref slice, math);
    }

    private static bool Accept(InlineProcessor processor, ref StringSlice slice, InlineMathDelimiters math)
    {
        var (start, contentStart, close, end, display) = math;
        var text = slice.Text;
        var content = text[contentStart..close];
        var map = new FormulaSourceMap();
        for (var i = 0; i < content.Length; i++)
            if (i == 0 || content[i - 1] == '\n')
                map.Add(i, processor.GetSourcePosition(contentStart + i, out _, out _));
        var sourceStart = processor.GetSourcePosition(start, out var line, out var column);
        var sourceEnd = processor.GetSourcePosition(end - 1);
        processor.Inline = new MathMarkdownInline
        {
            Content = content,
            Display = display,
            Map = map,
            Span = new SourceSpan(sourceStart, sourceEnd),
            Line = line,
            Column = column,
        };
        slice.Start = end;
        return true;
    }
}
