using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace GptBook.Loading;

/// <summary>
/// GFM ends a pipe table at a blank line or the start of another block, so a line right after the rows is one
/// more row, pipes or not ("bar" is a row whose first cell is "bar"). Markdig makes a table only of a paragraph
/// whose every line has a pipe, and leaves such a paragraph as text full of pipes. When a paragraph closes (before
/// any inline is parsed), this keeps the header, the delimiter row and the rows with pipes that follow them in the
/// paragraph, which Markdig then reads as a table, and moves each further line into a paragraph of its own, marked
/// <see cref="IsContinuationRow"/>, right after it. The chapter reader appends those as rows. The lines are
/// Markdig's own slices of the source, so every offset, and so every line and column, stays that of the file; and
/// each row is parsed on its own, as GFM parses each row's cells on their own.
/// </summary>
public sealed class TableContinuationExtension : IMarkdownExtension
{
    private static readonly object ContinuationKey = new();

    /// <summary>True for a paragraph made of one line that continues the table before it.</summary>
    public static bool IsContinuationRow(Block block) => block.GetData(ContinuationKey) is true;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.BlockParsers.Find<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.Closed -= SplitTrailingRows; // Setup may run again on the same builder
            paragraphs.Closed += SplitTrailingRows;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void SplitTrailingRows(BlockProcessor processor, Block block)
    {
        if (block is not ParagraphBlock paragraph || paragraph.Parent is not { } parent || paragraph.Lines.Count < 3) return;
        var lines = paragraph.Lines.Lines.AsSpan(0, paragraph.Lines.Count).ToArray();
        if (!HasPipe(lines[0].Slice) || !IsDelimiterRow(lines[1].Slice)) return;
        var split = Array.FindIndex(lines, 2, l => !HasPipe(l.Slice));
        if (split < 0) return; // every line has a pipe: Markdig's own table

        var kept = new StringLineGroup(split);
        foreach (var line in lines[..split]) kept.Add(line);
        paragraph.Lines = kept;
        paragraph.Span = new SourceSpan(paragraph.Span.Start, lines[split - 1].Slice.End);
        var at = parent.IndexOf(paragraph);
        foreach (var line in lines[split..])
        {
            var row = new ParagraphBlock(paragraph.Parser)
            {
                Line = line.Line,
                Column = line.Column,
                Span = new SourceSpan(line.Slice.Start, line.Slice.End),
                IsOpen = false,
            };
            row.Lines = new StringLineGroup(1);
            row.Lines.Add(line);
            row.SetData(ContinuationKey, true);
            parent.Insert(++at, row);
        }
    }

    /// <summary>A pipe that separates cells: not escaped, not inside a code span (Markdig's rule for table lines).</summary>
    private static bool HasPipe(StringSlice slice)
    {
        var text = slice.AsSpan();
        var tick = 0; // length of the backtick run that opened the code span we are in, 0 outside
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '`')
            {
                var run = 1;
                while (i + run < text.Length && text[i + run] == '`') run++;
                tick = tick == 0 ? run : tick == run ? 0 : tick;
                i += run - 1;
            }
            else if (text[i] == '|' && tick == 0) return true;
        }
        return false;
    }

    /// <summary>A GFM delimiter row: cells of hyphens with optional colons, separated by pipes.</summary>
    private static bool IsDelimiterRow(StringSlice slice)
    {
        var line = slice.ToString();
        if (!line.Contains('|')) return false;
        var cells = line.Trim().Trim('|').Split('|');
        return cells.All(c => c.Trim().Trim(':') is { Length: > 0 } dashes && dashes.All(ch => ch == '-'));
    }
}
