namespace GptBook.Formulas;

public sealed partial class MathParser
{
    /// <summary>A line that may carry an equation number: what \tag, \label and \notag said about it.</summary>
    private sealed class NumberSlot(int row)
    {
        public int Row { get; } = row;
        public bool Automatic { get; set; }
        public bool Suppressed { get; set; }
        public string? Tag { get; set; }
        public bool TagIsVerbatim { get; set; }
        public string? Label { get; set; }

        /// <summary>Numbered environments number their lines; a \tag or a \label numbers any display line (a label needs a number to refer to).</summary>
        public bool IsShown => Tag is not null || Label is not null || (Automatic && !Suppressed);
    }

    private readonly List<NumberSlot> _slots = [];
    private NumberSlot _row;
    private bool _inNumberingEnvironment;
    private int _environmentDepth;
    private MathTable? _numberedTable;

    private void SetLabel(MathToken t, string label)
    {
        if (!_display) Report(t, "\\label belongs in display math ($$…$$ or \\[…\\])");
        else if (label.Length == 0) return;
        else if (_row.Label is not null) Report(t, $"a second \\label on one line (already \\label{{{_row.Label}}})");
        else _row.Label = label;
    }

    private void SetTag(MathToken t, string tag, bool verbatim)
    {
        if (!_display) Report(t, "\\tag belongs in display math ($$…$$ or \\[…\\])");
        else if (_row.Tag is not null) Report(t, "a second \\tag on one line");
        else
        {
            _row.Tag = tag;
            _row.TagIsVerbatim = verbatim;
        }
    }

    private MathNode? ParseEnvironment(MathToken begin)
    {
        var name = ReadName(begin);
        _environmentDepth++;
        try
        {
            switch (name)
            {
                case "equation" or "equation*" or "displaymath":
                {
                    var numbers = TakeNumbering(begin);
                    if (numbers) _row.Automatic = name == "equation";
                    var content = ParseList(Stops.End);
                    CloseEnvironment(begin, name);
                    if (numbers) _inNumberingEnvironment = false;
                    return Row(content);
                }
                case "align" or "align*" or "alignat" or "alignat*" or "gather" or "gather*" or "multline" or "multline*" or "flalign" or "flalign*" or "eqnarray" or "eqnarray*":
                {
                    if (name.StartsWith("alignat", StringComparison.Ordinal)) _stream.ReadRawArgument(); // {n}: the pairs are counted from the rows
                    var numbers = TakeNumbering(begin);
                    var table = ParseTable(begin, name, Columns(name), "", "", numbers ? !name.EndsWith('*') : null);
                    if (numbers)
                    {
                        _numberedTable = table;
                        _inNumberingEnvironment = false;
                    }
                    return table;
                }
                case "aligned" or "split" or "alignedat" or "gathered":
                    if (name == "alignedat") _stream.ReadRawArgument();
                    return ParseTable(begin, name, Columns(name), "", "", null);
                case "cases" or "dcases":
                    return ParseTable(begin, name, [MathColumnAlignment.Left, MathColumnAlignment.Left], "{", "", null);
                case "rcases":
                    return ParseTable(begin, name, [MathColumnAlignment.Left, MathColumnAlignment.Left], "", "}", null);
                case "matrix" or "smallmatrix" or "pmatrix" or "bmatrix" or "Bmatrix" or "vmatrix" or "Vmatrix":
                {
                    var (left, right) = name switch
                    {
                        "pmatrix" => ("(", ")"),
                        "bmatrix" => ("[", "]"),
                        "Bmatrix" => ("{", "}"),
                        "vmatrix" => ("|", "|"),
                        "Vmatrix" => ("‖", "‖"),
                        _ => ("", ""),
                    };
                    return ParseTable(begin, name, [MathColumnAlignment.Center], left, right, null);
                }
                case "array" or "subarray":
                {
                    var (columns, rules) = ArrayColumns(begin);
                    return ParseTable(begin, name, columns, "", "", null) with { ColumnRules = rules };
                }
                default:
                    Report(begin, $"unknown environment {{{name}}}");
                    ParseTable(begin, name, [MathColumnAlignment.Center], "", "", null);
                    return null;
            }
        }
        finally
        {
            _environmentDepth--;
        }
    }

    /// <summary>
    /// Whether this environment numbers the formula's lines: only the outermost numbered environment does (an align
    /// inside an equation is one equation). In inline math nothing is numbered.
    /// </summary>
    private bool TakeNumbering(MathToken begin)
    {
        if (_inNumberingEnvironment || _environmentDepth > 1) return false;
        if (!_display)
        {
            Report(begin, "numbered environments belong in display math ($$…$$ or \\[…\\])");
            return false;
        }
        _inNumberingEnvironment = true;
        return true;
    }

    private static IReadOnlyList<MathColumnAlignment> Columns(string environment) => environment switch
    {
        "gather" or "gather*" or "gathered" or "multline" or "multline*" => [MathColumnAlignment.Center],
        "eqnarray" or "eqnarray*" => [MathColumnAlignment.Right, MathColumnAlignment.Center, MathColumnAlignment.Left],
        _ => AlignmentColumns(2),
    };

    /// <summary>align's columns: pairs of right-aligned and left-aligned columns (<c>rlrl…</c>), as amsmath sets them.</summary>
    private static IReadOnlyList<MathColumnAlignment> AlignmentColumns(int count) =>
        Enumerable.Range(0, Math.Max(count, 2)).Select(i => i % 2 == 0 ? MathColumnAlignment.Right : MathColumnAlignment.Left).ToArray();

    /// <summary>
    /// array's column specification: <c>l c r</c>, <c>p{…}</c> left, <c>@{…}</c> ignored, and the column boundaries
    /// where <c>|</c> draws a vertical rule (0 before the first column; <c>||</c> is one rule; arydshln's dashed
    /// <c>:</c> is ignored).
    /// </summary>
    private (IReadOnlyList<MathColumnAlignment> Columns, IReadOnlyList<int> Rules) ArrayColumns(MathToken begin)
    {
        var spec = _stream.ReadRawArgument();
        if (spec is null)
        {
            Report(begin, "\\begin{array} needs a column specification such as {lcr}");
            return ([MathColumnAlignment.Center], []);
        }
        var columns = new List<MathColumnAlignment>();
        var rules = new List<int>();
        for (var i = 0; i < spec.Count; i++)
        {
            var token = spec[i];
            switch (token.Text)
            {
                case "l": columns.Add(MathColumnAlignment.Left); break;
                case "c": columns.Add(MathColumnAlignment.Center); break;
                case "r": columns.Add(MathColumnAlignment.Right); break;
                case "p" or "m" or "b":
                    columns.Add(MathColumnAlignment.Left);
                    i = SkipGroup(spec, i + 1);
                    break;
                case "@" or "!":
                    i = SkipGroup(spec, i + 1);
                    break;
                case "|":
                    if (rules.Count == 0 || rules[^1] != columns.Count) rules.Add(columns.Count);
                    break;
                case ":" or " ":
                    break;
                default:
                    Report(token, $"unknown column type '{token.Source}' in the array specification (use l, c, r or |)");
                    break;
            }
        }
        return (columns.Count == 0 ? [MathColumnAlignment.Center] : columns, rules);
    }

    private static int SkipGroup(List<MathToken> tokens, int start)
    {
        if (start >= tokens.Count || tokens[start].Kind != MathTokenKind.BeginGroup) return start - 1;
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == MathTokenKind.BeginGroup) depth++;
            else if (tokens[i].Kind == MathTokenKind.EndGroup && --depth == 0) return i;
        }
        return tokens.Count - 1;
    }

    /// <summary>
    /// Cells separated by <c>&amp;</c>, rows by <c>\\</c>, up to <c>\end{name}</c>. <paramref name="numberRows"/> is
    /// null when this environment does not number lines, else whether each line gets a number automatically.
    /// A trailing <c>\\</c> does not make an empty last row.
    /// </summary>
    private MathTable ParseTable(MathToken begin, string name, IReadOnlyList<MathColumnAlignment> columns, string left, string right, bool? numberRows)
    {
        var rows = new List<MathTableRow>();
        var cells = new List<MathNode>();
        var rowSlots = new List<NumberSlot>();
        var rowRules = new List<int>();
        var outerRow = _row;
        if (numberRows is { } automatic) StartNumberedRow(0, automatic, rowSlots);
        if (ReadRules()) rowRules.Add(0);
        while (true)
        {
            cells.Add(Row(ParseList(Stops.Cell | Stops.End)));
            var token = _stream.Next();
            if (token is not { } t)
            {
                Report(begin, $"\\begin{{{name}}} is never closed by \\end{{{name}}}");
                break;
            }
            if (t.Kind == MathTokenKind.Alignment) continue;
            if (t.IsCommand("end"))
            {
                var closing = ReadName(t);
                if (closing != name) Report(t, $"\\end{{{closing}}} closes \\begin{{{name}}}");
                break;
            }
            rows.Add(new MathTableRow(cells, ReadRowEnd()));
            if (ReadRules()) rowRules.Add(rows.Count);
            cells = [];
            if (numberRows is { } again) StartNumberedRow(rows.Count, again, rowSlots);
        }
        var emptyLast = cells.Count == 1 && cells[0] is MathRow { Items.Count: 0 } && rows.Count > 0;
        if (!emptyLast) rows.Add(new MathTableRow(cells));
        else if (rowSlots.Count > rows.Count && rowSlots[^1] is { Tag: null, Label: null } unused)
        {
            _slots.Remove(unused);
            rowSlots.Remove(unused);
        }
        if (numberRows is not null && MathTable.IsMultlineEnvironment(name)) OneNumberOnTheLastLine(rowSlots);
        if (numberRows is not null)
        {
            // The lines carry the numbers now; a \label written after \end{align} goes to the last line.
            if (outerRow is { Tag: null, Label: null }) _slots.Remove(outerRow);
            _row = rowSlots.Count > 0 ? rowSlots[^1] : outerRow;
        }
        return new MathTable(name, rows, columns, left, right) { RowRules = rowRules };
    }

    /// <summary>
    /// multline is one equation broken into lines: one number, on its last line, whichever line its \tag, \label or
    /// \notag was written on.
    /// </summary>
    private void OneNumberOnTheLastLine(List<NumberSlot> rowSlots)
    {
        if (rowSlots.Count < 2) return;
        var last = rowSlots[^1];
        foreach (var slot in rowSlots[..^1])
        {
            if (last.Tag is null && slot.Tag is not null) (last.Tag, last.TagIsVerbatim) = (slot.Tag, slot.TagIsVerbatim);
            last.Label ??= slot.Label;
            last.Suppressed |= slot.Suppressed;
            _slots.Remove(slot);
        }
        rowSlots.RemoveRange(0, rowSlots.Count - 1);
    }

    private void StartNumberedRow(int row, bool automatic, List<NumberSlot> rowSlots)
    {
        _row = new NumberSlot(row) { Automatic = automatic };
        _slots.Add(_row);
        rowSlots.Add(_row);
    }

    /// <summary>
    /// What may follow a row's <c>\\</c>: amsmath's star (<c>\\*</c>, no page break after the row; the layout keeps
    /// inner rows together anyway and does not tell it apart in align), the extra space after the row
    /// (<c>\\[2ex]</c>, returned; the rules that start the next row are read by <see cref="ReadRules"/>). A bracket straight after
    /// <c>\\</c> is the space, as LaTeX reads it; a bracket after a space is the space only when it holds a length, and
    /// otherwise the next row's content (a row may start with <c>[a, b]</c>, which amsmath reads so). A bracket
    /// straight after <c>\\</c> that holds no length is reported (GB0605, a warning: the formula is set, the row gets
    /// no extra space).
    /// </summary>
    private MathLength? ReadRowEnd()
    {
        if (_stream.PeekRaw() is { } star && star.IsCharacter('*')) _stream.NextRaw();
        var mark = _stream.Position;
        _stream.SkipSpaces();
        var spaced = _stream.Position != mark;
        MathLength? space = null;
        if (_stream.ReadRawBracket() is var (open, content, close))
        {
            var written = string.Concat(content.Select(t => t.Source));
            space = MathLength.Parse(written);
            if (space is null && spaced) _stream.Rewind(mark);
            else if (space is null)
                _warnings.Add(new MathSyntaxError(open.Offset, Math.Max(close.Offset + close.Length - open.Offset, open.Length),
                    $"'[{written}]' after \\\\ is not a length such as 2ex, 4pt, 0.5em or -1mm; the row gets no extra space"));
        }
        return space;
    }

    /// <summary>
    /// The horizontal rules (<c>\hline</c>, booktabs' <c>\toprule</c>, <c>\midrule</c>, <c>\bottomrule</c>) at the start
    /// of a row: true when there was at least one (a doubled rule is drawn as one).
    /// </summary>
    private bool ReadRules()
    {
        var any = false;
        while (_stream.Peek() is { } t && (t.IsCommand("hline") || t.IsCommand("midrule") || t.IsCommand("toprule") || t.IsCommand("bottomrule")))
        {
            _stream.Next();
            any = true;
        }
        return any;
    }

    private void CloseEnvironment(MathToken begin, string name)
    {
        var token = _stream.Next();
        if (token is not { } t)
        {
            Report(begin, $"\\begin{{{name}}} is never closed by \\end{{{name}}}");
            return;
        }
        var closing = ReadName(t);
        if (closing != name) Report(t, $"\\end{{{closing}}} closes \\begin{{{name}}}");
    }
}
