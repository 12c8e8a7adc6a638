using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

public sealed partial class MathTypesetter
{
    /// <summary>
    /// One typeset row of a table: its cells placed on one baseline, its height and depth with the strut, and the
    /// extra space its author asked for after it (<c>\\[2ex]</c>) that is not already in its depth (see <see cref="TableRows"/>).
    /// </summary>
    public sealed record TableRow(MathBox Box, double Height, double Depth, double SpaceBelow = 0);

    /// <summary>
    /// The rows of an environment with their columns aligned across rows, for a display formula that breaks
    /// between them (align, gather) and for <see cref="Table"/>. align-like environments pair right- and left-aligned
    /// columns around the relation with no space inside a pair and 2 em between pairs (none in alignat and alignedat,
    /// whose author spaces the pairs), their right-hand cells starting
    /// with an empty atom so that a leading relation keeps its space (as amsmath's <c>&amp;=</c>); cells are in display
    /// style. Matrices, cases and arrays set cells in text style with 1 em between columns (TeX's 2 × \arraycolsep).
    /// Every row is at least TeX's strut tall (0.84 em above, 0.36 em below the baseline), align rows \jot apart.
    /// A row's <c>\\[length]</c> is applied as TeX applies it: in the amsmath environments (align, aligned, gather,
    /// split, …) it is space added below the row's depth (<c>\noalign{\vskip length}</c>); in the array-based ones
    /// (cases, the matrices, array) a positive length makes the row at least as deep as the strut's depth plus the
    /// length (LaTeX's invisible rule), and a negative one is space taken away below the row.
    /// </summary>
    public IReadOnlyList<TableRow> TableRows(MathTable table, MathStyleState outer) => ArrangeTable(table, outer).Rows;

    /// <summary>LaTeX's \arraycolsep (5 pt at 10 pt): the padding on each side of an array column, so between a rule and a column.</summary>
    private const double ArrayColumnSeparation = 0.5;

    /// <summary>The rows of <see cref="TableRows"/>, and the x of each vertical rule's left edge.</summary>
    private (IReadOnlyList<TableRow> Rows, IReadOnlyList<double> ColumnRuleXs) ArrangeTable(MathTable table, MathStyleState outer)
    {
        var alignment = table.IsAlignment;
        var displayLike = IsDisplayLike(table);
        var style = CellStyle(table, outer);
        var scale = _font.Scale(style);
        var columns = table.ColumnCount;
        var cells = table.Rows.Select(r => r.Cells.Select((cell, c) => Cell(cell, c, alignment, style)).ToList()).ToList();
        var widths = new double[columns];
        foreach (var row in cells)
            for (var c = 0; c < row.Count; c++) widths[c] = Math.Max(widths[c], row[c].Width);

        var gaps = new double[columns];
        for (var c = 1; c < columns; c++)
            gaps[c] = alignment ? (c % 2 == 0 && table.SpacesPairs ? 2.0 * scale : 0) : 1.0 * scale;
        // A vertical rule takes its own width between the columns (or at an edge, with \arraycolsep between it and the column).
        var rule = RuleThickness(table, style);
        var edgePad = ArrayColumnSeparation * scale;
        var starts = new double[columns];
        if (columns > 0 && table.HasColumnRule(0)) starts[0] = rule + edgePad;
        for (var c = 1; c < columns; c++) starts[c] = starts[c - 1] + widths[c - 1] + gaps[c] + (table.HasColumnRule(c) ? rule : 0);
        var total = columns == 0 ? 0 : starts[^1] + widths[^1];
        if (columns > 0 && table.HasColumnRule(columns)) total += edgePad + rule;

        var strutHeight = 0.84 * scale;
        var strutDepth = 0.36 * scale;
        var rows = new List<TableRow>();
        for (var r = 0; r < cells.Count; r++)
        {
            var row = cells[r];
            var placed = new List<PlacedBox>();
            for (var c = 0; c < row.Count; c++)
            {
                var align = alignment ? (c % 2 == 0 ? MathColumnAlignment.Right : MathColumnAlignment.Left) : table.AlignmentOf(c);
                var free = widths[c] - row[c].Width;
                var x = starts[c] + align switch { MathColumnAlignment.Left => 0, MathColumnAlignment.Right => free, _ => free / 2 };
                placed.Add(new PlacedBox(row[c], x, 0));
            }
            var box = GroupBox.Of(placed, total);
            var depth = Math.Max(box.Depth, strutDepth);
            var below = table.Rows[r].SpaceBelow is { } length ? Em(length, style) : 0;
            if (below > 0 && !displayLike)
            {
                depth = Math.Max(depth, strutDepth + below);
                below = 0;
            }
            rows.Add(new TableRow(box, Math.Max(box.Height, strutHeight), depth, below));
        }
        var ruleXs = Enumerable.Range(0, columns + 1).Where(b => columns > 0 && table.HasColumnRule(b))
            .Select(b => b == 0 ? 0 : b == columns ? total - rule : starts[b] - gaps[b] / 2 - rule).ToList();
        return (rows, ruleXs);
    }

    private static bool IsDisplayLike(MathTable table) =>
        table.IsAlignment || table.Environment is "gather" or "gather*" or "gathered" or "equation" or "equation*" or "multline" or "multline*";

    /// <summary>The style of a table's cells: display in the alignment environments, text (or the outer script style) in the others.</summary>
    private static MathStyleState CellStyle(MathTable table, MathStyleState outer) =>
        IsDisplayLike(table) ? MathStyleState.Display with { Cramped = outer.Cramped } : outer.IsDisplay ? MathStyleState.Text : outer;

    /// <summary>The thickness of a table's rules (a fraction bar's), 0 for a table without rules so that its layout is unchanged.</summary>
    private double RuleThickness(MathTable table, MathStyleState cellStyle) =>
        table.HasRules ? _font.Em(MathConstant.FractionRuleThickness, cellStyle) : 0;

    /// <summary>The space between rows: amsmath's \jot (3 pt at 10 pt) for align and gather, none otherwise.</summary>
    public double RowGap(MathTable table, MathStyleState style) =>
        table.IsAlignment || table.Environment.StartsWith("gather", StringComparison.Ordinal) ? 0.3 * _font.Scale(style) : 0;

    /// <summary>
    /// A table inside a formula: its rows stacked, centred on the axis, between its delimiters (pmatrix's parentheses,
    /// cases' brace). Its rules (array's <c>|</c>, <c>\hline</c>) are rule boxes as thick as a fraction bar: a
    /// horizontal rule takes its own height between the rows' struts and spans the table's width, a vertical one spans
    /// the table's height in the room <see cref="TableRows"/> left for it, halfway between the columns' padding.
    /// </summary>
    private MathBox Table(MathTable table, MathStyleState style)
    {
        var (rows, columnRuleXs) = ArrangeTable(table, style);
        var gap = RowGap(table, style);
        var placed = new List<PlacedBox>();
        var rule = RuleThickness(table, CellStyle(table, style));
        var ruleBottoms = new List<double>();
        var y = 0.0; // the top of the next row, going down from 0
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Box.Width);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (table.RowRules.Contains(r))
            {
                y -= rule;
                ruleBottoms.Add(y);
            }
            y -= row.Height;
            placed.Add(new PlacedBox(row.Box, 0, y));
            y -= row.Depth + row.SpaceBelow + gap;
        }
        var height = -(y + (rows.Count > 0 ? gap : 0));
        if (rows.Count > 0 && table.RowRules.Contains(rows.Count))
        {
            height += rule;
            ruleBottoms.Add(-height);
        }
        placed.AddRange(ruleBottoms.Select(bottom => new PlacedBox(new RuleBox(width, rule, 0), 0, bottom)));
        placed.AddRange(columnRuleXs.Select(x => new PlacedBox(new RuleBox(rule, height, 0), x, -height)));
        // Centre the stack on the axis: its middle at the axis height.
        var shift = Axis(style) + height / 2;
        var stack = new GroupBox(placed.Select(p => p with { Shift = p.Shift + shift }).ToList(), width, shift, height - shift);
        if (table.Left.Length == 0 && table.Right.Length == 0) return stack;
        var size = stack.Height + stack.Depth;
        var pad = 0.1 * _font.Scale(style);
        return GroupBox.Row([Delimiter(table.Left, size, style), new SpaceBox(pad), stack, new SpaceBox(pad), Delimiter(table.Right, size, style)]);
    }

    /// <summary>A cell; in an alignment the right-hand cell of a pair starts with an empty Ord, so "=" after &amp; is spaced as a relation.</summary>
    private MathBox Cell(MathNode cell, int column, bool alignment, MathStyleState style)
    {
        var atoms = Atoms(cell, style);
        if (alignment && column % 2 == 1 && atoms.Count > 0)
            atoms.Insert(0, new Atom(AtomClass.Ord, new GroupBox([], 0, 0, 0), style));
        return atoms.Count == 0 ? new GroupBox([], 0, 0, 0) : Join(atoms, style);
    }
}
