using GptBook.Model;
using GptBook.Normalization;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdInline = Markdig.Syntax.Inlines.Inline;
using SourceSpan = GptBook.Model.SourceSpan;
using Table = GptBook.Model.Table;
using TableCell = GptBook.Model.TableCell;

namespace GptBook.Loading;

public sealed partial class ChapterReader
{
    /// <summary>
    /// A line <see cref="TableContinuationExtension"/> moved out of a table's paragraph becomes the table's next
    /// row: its cells are split at its pipes as in any row, short rows padded, as GFM does. When Markdig did not
    /// read the lines above as a table after all, the line is text again, joined to the paragraph above it.
    /// </summary>
    private void AddContinuationRow(ParagraphBlock row, SourceSpan span, List<Model.Block> result)
    {
        var children = row.Inline?.ToArray() ?? [];
        if (result.Count > 0 && result[^1] is Table table)
        {
            result[^1] = table with { Rows = [.. table.Rows, RowCells(children, table.Alignments.Count, span)] };
            return;
        }
        var content = Inlines(children, 0, span);
        if (result.Count > 0 && result[^1] is Paragraph above && content.Count > 0)
        {
            var joint = SoftBreakRule.Replacement(Model.Inline.PlainText(above.Content), Model.Inline.PlainText(content));
            result[^1] = above with { Content = [.. above.Content, new Text(joint, span), .. content] };
        }
        else AddParagraph(content, span, result);
    }

    private List<TableCell> RowCells(MdInline[] children, int columns, SourceSpan rowSpan)
    {
        var groups = new List<List<MdInline>> { new() };
        foreach (var child in children)
            if (IsCellPipe(child)) groups.Add([]);
            else groups[^1].Add(child);
        // GFM: a pipe at the start or the end of a row only borders it.
        if (groups.Count > 1 && groups[0].All(IsBlank)) groups.RemoveAt(0);
        if (groups.Count > 1 && groups[^1].All(IsBlank)) groups.RemoveAt(groups.Count - 1);

        var cells = groups.Take(columns).Select(group =>
        {
            var cellSpan = group.Count == 0 ? rowSpan : ContentSpan(group[0].Span.Start, group[^1].Span.End);
            return new TableCell(Trimmed(Inlines([.. group], 0, cellSpan)), cellSpan);
        }).ToList();
        // GFM: the header row fixes the number of columns; short rows are padded with empty cells.
        while (cells.Count < columns) cells.Add(new TableCell([], rowSpan));
        return cells;
    }

    /// <summary>The span of a cell's text without the spaces around it, so that a diagnostic points at the text.</summary>
    private SourceSpan ContentSpan(int start, int end)
    {
        var text = _source.Slice(start, end);
        var lead = text.Length - text.TrimStart().Length;
        return _source.At(start + lead, text.Trim().Length);
    }

    /// <summary>A pipe Markdig left as text: one character of source (an escaped "\|" spans two).</summary>
    private static bool IsCellPipe(MdInline inline) =>
        inline is LiteralInline { Content.Length: 1 } literal && literal.Content.CurrentChar == '|' && literal.Span.Length == 1;

    private static bool IsBlank(MdInline inline) => inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace();

    /// <summary>A cell's content without the spaces around it, as Markdig trims the cells of its own rows.</summary>
    private static List<Model.Inline> Trimmed(List<Model.Inline> content)
    {
        if (content.Count > 0 && content[0] is Text first) content[0] = first with { Value = first.Value.TrimStart() };
        if (content.Count > 0 && content[^1] is Text last) content[^1] = last with { Value = last.Value.TrimEnd() };
        content.RemoveAll(i => i is Text { Value.Length: 0 });
        return content;
    }
}
