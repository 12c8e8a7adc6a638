using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Pipe tables in the booktabs manner (a heavy rule above and below, a light one under the header, no verticals).
/// Column widths come from content: each column's natural single-line width, shrunk in proportion to what it can
/// give up when the table is wider than the measure. Cells wrap; a row never splits; the header row is repeated
/// (as an artifact) at the top of every continuation page.
/// </summary>
public sealed class TableBuilder(LayoutContext context, InlineStyler styler)
{
    private readonly LayoutStyle _style = context.Style;

    public (RowSequence Rows, IReadOnlyList<BoxRow> Header) Rows(Table table, Length width, StructureNode parent)
    {
        var node = parent.Child("Table");
        var columns = Math.Max(1, table.Alignments.Count);
        var headStyle = _style.Strong with { Size = _style.BodySize * 0.9 };
        var cellStyle = _style.Body with { Size = _style.BodySize * 0.9 };
        var pad = cellStyle.Size * 0.5;
        var rows = new List<(IReadOnlyList<TableCell> Cells, TextStyle Style, string Tag)> { (table.Header, headStyle, "TH") };
        rows.AddRange(table.Rows.Select(r => (r, cellStyle, "TD")));

        // Each cell as its lines' styled text: a hard break (<br> in a cell) starts a new line there, and two in a row
        // leave an empty line between, as in a browser; breaks at the cell's start or end show nothing. An emoji
        // sequence is the one glyph the emoji face draws for it (as composing sets it), so that columns are sized
        // for what is drawn, not for the sequence's parts side by side.
        var texts = rows.Select(r => Enumerable.Range(0, columns)
            .Select(c => c < r.Cells.Count ? WithoutOuterEmptyLines(styler.Style(r.Cells[c].Content, r.Style))
                .Select(line => OutlineGlyphObject.WithEmojiSequences(line, context.FontsForObjects)).ToList() : []).ToList()).ToList();
        var widths = ColumnWidths(texts, columns, width, pad);

        var seq = new RowSequence();
        var header = new List<BoxRow>();
        var leading = cellStyle.Size * 1.5;
        for (var r = 0; r < rows.Count; r++)
        {
            var tr = node.Child("TR");
            var cells = new List<(List<BoxRow> Lines, Length X, Length Width, ColumnAlignment Align)>();
            var x = Length.Zero;
            for (var c = 0; c < columns; c++)
            {
                var cellNode = tr.Child(rows[r].Tag);
                var inner = widths[c] - 2 * pad;
                var align = c < table.Alignments.Count ? table.Alignments[c] : ColumnAlignment.Default;
                var lineRows = new List<BoxRow>();
                foreach (var text in texts[r][c])
                {
                    if (text.Count == 0)
                    {
                        lineRows.Add(BoxRow.Space(leading));
                        continue;
                    }
                    var lines = context.Compose(text, inner, Length.Zero, table.Span);
                    lineRows.AddRange(TextRowBuilder.Rows(lines, leading, x + pad, cellNode, TextColor.Body, i => align switch
                    {
                        ColumnAlignment.Right => inner - lines[i].Width,
                        ColumnAlignment.Center => (inner - lines[i].Width) / 2,
                        _ => Length.Zero,
                    }));
                }
                cells.Add((lineRows, x, widths[c], align));
                x += widths[c];
            }
            var height = cells.Max(cell => cell.Lines.Aggregate(Length.Zero, (h, l) => h + l.Height)) + 2 * pad;
            height = Length.Max(height, leading + 2 * pad);
            var fragments = new List<PageFragment>();
            foreach (var cell in cells)
            {
                var y = pad;
                foreach (var line in cell.Lines)
                {
                    fragments.AddRange(line.Fragments.Select(f => f.Offset(Length.Zero, y)));
                    y += line.Height;
                }
            }
            var total = widths.Aggregate(Length.Zero, (a, b) => a + b);
            if (r == 0) fragments.Add(new RuleFragment(Length.Zero, Length.Zero, total, Length.Zero, Length.Pt(1)));
            if (r == 0) fragments.Add(new RuleFragment(Length.Zero, height, total, height, Length.Pt(0.5)));
            if (r == rows.Count - 1) fragments.Add(new RuleFragment(Length.Zero, height, total, height, Length.Pt(1)));
            var row = new BoxRow(height, fragments);
            if (r == 0) header.Add(AsArtifact(row));
            seq.Add(row, r > 0);
        }
        return (seq, header);
    }

    /// <summary>A cell's lines without the empty ones before its first and after its last line of text.</summary>
    private static List<IReadOnlyList<StyledText>> WithoutOuterEmptyLines(IReadOnlyList<IReadOnlyList<StyledText>> lines)
    {
        var first = 0;
        var end = lines.Count;
        while (first < end && lines[first].Count == 0) first++;
        while (end > first && lines[end - 1].Count == 0) end--;
        return lines.Skip(first).Take(end - first).ToList();
    }

    /// <summary>A repeated header: drawn again, but not part of the document's structure a second time.</summary>
    private static BoxRow AsArtifact(BoxRow row) => row with
    {
        Fragments = row.Fragments.Where(f => f is not LinkFragment and not AnchorFragment).Select(f => f switch
        {
            TextFragment t => t with { Structure = null },
            OutlineGlyphFragment g => g with { Structure = null },
            _ => f,
        }).ToList(),
    };

    private List<Length> ColumnWidths(List<List<List<IReadOnlyList<StyledText>>>> texts, int columns, Length width, Length pad)
    {
        var natural = new List<Length>();
        var minimum = new List<Length>();
        for (var c = 0; c < columns; c++)
        {
            var nat = Length.Zero;
            var min = Length.Zero;
            foreach (var row in texts)
            {
                foreach (var line in row[c])
                {
                    nat = Length.Max(nat, line.Aggregate(Length.Zero, (w, part) => w + Width(part)));
                    foreach (var part in line) min = Length.Max(min, LongestWord(part));
                }
            }
            natural.Add(nat + 2 * pad);
            minimum.Add(Length.Min(Length.Max(min, _style.BodySize * 2) + 2 * pad, width / columns));
        }
        var sumNatural = natural.Aggregate(Length.Zero, (a, b) => a + b);
        if (sumNatural <= width) return natural;
        var sumMinimum = minimum.Aggregate(Length.Zero, (a, b) => a + b);
        var give = sumNatural - sumMinimum;
        var excess = sumNatural - width;
        return natural.Select((n, i) => give > Length.Zero
            ? n - (n - minimum[i]) * Math.Min(1.0, excess / give)
            : width / columns).ToList();
    }

    /// <summary>A stretch's width on the line: an inline object's (a formula, a picture) is its own, not its text's.</summary>
    private Length Width(StyledText part) => part.Object?.Width ?? context.MeasureWidth(part.Text, part.Style);

    /// <summary>The widest unbreakable stretch (a Latin word, an inline object), which a column should not be narrower than.</summary>
    private Length LongestWord(StyledText part)
    {
        if (part.Object != null) return part.Object.Width;
        var longest = Length.Zero;
        foreach (var word in part.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (word.All(ch => ch < 0x2E80)) longest = Length.Max(longest, context.MeasureWidth(word, part.Style));
        return longest;
    }
}
