using Markdig;
using Markdig.Helpers;
using Markdig.Syntax;
using GptBook.Model;
using MdTable = Markdig.Extensions.Tables.Table;
using SourceSpan = GptBook.Model.SourceSpan;
using Table = GptBook.Model.Table;
using TableCell = GptBook.Model.TableCell;

namespace GptBook.Loading;

public sealed partial class ChapterReader
{
    /// <summary>
    /// GFM's rule for where a table ends: at a blank line or the start of another block, so a line right after the
    /// rows is one more row, even without a pipe ("bar" becomes a row whose first cell is "bar"). Markdig's pipe
    /// tables give up on such a paragraph and leave it as text full of pipes. This reads it again: the lines up to
    /// the first one without a pipe as a table, then each further line as a row. Every line is parsed at its own
    /// place in a copy of the file blanked elsewhere, so line and column numbers stay those of the source. Null
    /// when the paragraph does not start with a header and a delimiter row.
    /// </summary>
    private Table? TableWithTextRows(ParagraphBlock paragraph, SourceSpan span)
    {
        var lines = paragraph.Lines.Lines.Take(paragraph.Lines.Count).ToArray();
        if (lines.Length < 3 || lines.Any(l => !ReferenceEquals(l.Slice.Text, _text))) return null;
        if (!HasPipe(lines[0]) || !IsDelimiterRow(lines[1].Slice.ToString())) return null;
        var split = Array.FindIndex(lines, 2, l => !HasPipe(l));
        if (split < 0) return null;

        if (Parse(lines[..split]).OfType<MdTable>().FirstOrDefault() is not { } parsed) return null;
        var table = ConvertTable(parsed, span);
        var rows = table.Rows.ToList();
        foreach (var line in lines[split..])
        {
            var lineSpan = _source.At(line.Slice.Start, line.Slice.Length);
            List<TableCell> cells;
            if (HasPipe(line) && Parse([lines[0], lines[1], line]).OfType<MdTable>().FirstOrDefault() is { } one && ConvertTable(one, span).Rows is [var row])
                cells = [.. row];
            else
            {
                var text = Parse([line]).OfType<ParagraphBlock>().FirstOrDefault();
                cells = [new TableCell(text == null ? [] : Inlines(text.Inline, 0, lineSpan), lineSpan)];
            }
            while (cells.Count < table.Alignments.Count) cells.Add(new TableCell([], lineSpan));
            rows.Add(cells.Take(table.Alignments.Count).ToArray());
        }
        return table with { Rows = rows };
    }

    private static bool HasPipe(StringLine line)
    {
        var text = line.Slice.ToString();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '|') return true;
        }
        return false;
    }

    /// <summary>A GFM delimiter row: cells of hyphens with optional colons, separated by pipes.</summary>
    private static bool IsDelimiterRow(string line)
    {
        var cells = line.Trim().Trim('|').Split('|');
        return line.Contains('|') && cells.All(c => c.Trim() is { Length: > 0 } cell && cell.Trim(':').Length > 0 && cell.Trim(':').All(ch => ch == '-'));
    }

    /// <summary>Parses <paramref name="lines"/> where they stand in the file, everything else blanked (line breaks kept).</summary>
    private MarkdownDocument Parse(IEnumerable<StringLine> lines)
    {
        var buffer = _text.Select(c => c == '\n' ? '\n' : ' ').ToArray();
        foreach (var line in lines)
            _text.CopyTo(line.Slice.Start, buffer, line.Slice.Start, line.Slice.Length);
        return Markdown.Parse(new string(buffer), BookMarkdownPipeline.Instance);
    }
}
