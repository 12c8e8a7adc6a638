using System.Globalization;
using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout.Formulas;

/// <summary>
/// Sets formulas for the page layout: an inline formula as pieces the line composer can break between, a display
/// formula as centred rows (one per line of a top-level align or gather, so that a page breaks only between them; an
/// aligned, gathered or split is one row) with its
/// equation numbers at the right margin. A display formula wider than the measure is broken into lines after its
/// relations and binary operators; one that cannot be broken so is scaled down to fit and reported (GB0620).
/// </summary>
public sealed class FormulaSetter(SetFormulaCaches caches, DiagnosticBag diagnostics)
{
    /// <summary>The pieces of an inline formula at the text's size (a <c>$$…$$</c> inside a line keeps display style).</summary>
    public IReadOnlyList<FormulaPiece> Inline(MathFormula formula, Length size)
    {
        var style = formula.Display ? MathStyleState.Display : MathStyleState.Text;
        var element = new FormulaElement(formula.Source.Trim());
        return caches.At(size).Pieces(formula.Root, style).Select(piece => new FormulaPiece(piece.Box, size, element, piece.Text) { SpacedFromHan = true }).ToList();
    }

    /// <summary>
    /// A display formula's rows inside <paramref name="width"/>: centred (multline's first line flush left and its last
    /// flush right), each with its number (if any) flush right,
    /// with TeX's space above and below (about half a line); a single formula too wide for the measure broken into
    /// lines multline-style. The page may break between the rows of a top-level align or gather, never inside a row,
    /// inside an aligned/gathered/split block, nor between the lines of a broken formula.
    /// </summary>
    public RowSequence Display(MathFormula formula, Length size, Length width, StructureNode parent, SourceSpan span)
    {
        var node = parent.Child("Formula", altText: formula.Source.Trim());
        var style = MathStyleState.Display;
        var cache = caches.At(size);
        var numberBoxes = new Dictionary<int, MathBox>();
        foreach (var number in formula.Numbers)
            if (number.Display is { } shown)
                numberBoxes[number.Row] = cache.Typeset(new MathText(shown), MathStyleState.Text);

        // A number needs its own width and a quad's separation; what is left is the formula's measure.
        var numberWidth = numberBoxes.Count == 0 ? 0 : numberBoxes.Values.Max(b => b.Width) + 1.0;
        var available = width.Points / size.Points - 2 * numberWidth;

        List<(MathBox Box, double Height, double Depth, double Placement)> rows;
        double gap;
        var breakable = false;
        if (RowsOf(formula) is { } table)
        {
            // A row's \\[length] is space below its depth, on the page as inside a box (MathTypesetter.TableRows).
            var tableRows = cache.TableRows(table, style);
            // multline's lines, each at its own width: the first flush left, the last flush right, any between centred.
            var multline = table.IsMultline && tableRows.Count > 1;
            rows = tableRows.Select((r, i) => multline
                    ? (cache.Typeset(table.Rows[i].Cells[0], style), r.Height, r.Depth + r.SpaceBelow, i == 0 ? FlushLeft : i == tableRows.Count - 1 ? FlushRight : Centred)
                    : (r.Box, r.Height, r.Depth + r.SpaceBelow, Centred)).ToList();
            gap = cache.Typesetter.RowGap(table, style);
            breakable = true;
        }
        else
        {
            var box = cache.Typeset(formula.Root, style);
            rows = [(box, box.Height, box.Depth, Centred)];
            gap = 0;
            if (box.Width > available && formula.Root is MathError error)
            {
                rows = ErrorLines(cache, error, style, available);
                gap = Jot;
            }
            else if (box.Width > available && Broken(cache, formula.Root, style, available) is { } lines)
            {
                rows = lines;
                gap = Jot;
                // Like amsmath's multline, the number goes with the last line.
                if (numberBoxes.Remove(0, out var single)) numberBoxes[rows.Count - 1] = single;
            }
        }

        var widest = rows.Count == 0 ? 0 : rows.Max(r => r.Box.Width);
        var scale = 1.0;
        if (widest > available && widest > 0)
        {
            scale = Math.Max(0.5, available / widest);
            diagnostics.Report(DiagnosticCodes.FormulaTooWide, span,
                $"display formula is {widest * size.Points:0.#} pt wide, wider than the {available * size.Points:0.#} pt available; set at {scale:P0}");
        }
        var setSize = size * scale;
        var seq = new RowSequence();
        var around = size * 0.5;
        seq.Add(BoxRow.Space(around), false);
        for (var i = 0; i < rows.Count; i++)
        {
            var (box, height, depth, placement) = rows[i];
            var rowHeight = setSize * (height + depth + (i < rows.Count - 1 ? gap : 0));
            var baseline = setSize * height;
            var number = numberBoxes.GetValueOrDefault(i);
            var x = placement switch
            {
                FlushLeft => Length.Zero,
                FlushRight => width - setSize * box.Width - (number != null ? size * numberWidth : Length.Zero),
                _ => (width - setSize * box.Width) / 2,
            };
            var fragments = new List<PageFragment> { new FormulaFragment(box, setSize, x, baseline, node) };
            if (number != null)
                fragments.Add(new FormulaFragment(number, size, width - size * number.Width, baseline, node));
            // \eqref and \ref link to the equation's row (the numbering transform gives each numbered row its id).
            foreach (var id in formula.Numbers.Where(n => n.Row == i && n.Id != null).Select(n => n.Id!))
                fragments.Add(new AnchorFragment(id, Length.Zero, Length.Zero));
            seq.Add(new BoxRow(rowHeight, fragments), breakable && i < rows.Count - 1);
        }
        seq.Add(BoxRow.Space(around), false);
        return seq;
    }

    /// <summary>
    /// A formula too wide for the measure, broken where TeX may break an inline formula (after a top-level relation
    /// or binary operator, <see cref="MathTypesetter.Pieces"/>) into as few lines as fit, each line as full as it can
    /// be, and placed as amsmath's multline places them: the first flush left, the last flush right, any between
    /// centred. Null when some piece is wider than the measure by itself (the formula is then scaled instead).
    /// </summary>
    private static List<(MathBox Box, double Height, double Depth, double Placement)>? Broken(SetFormulaCache cache, MathNode root, MathStyleState style, double available)
    {
        var pieces = cache.Pieces(root, style).Select(p => p.Box).ToList();
        if (pieces.Count < 2 || pieces.Any(p => p.Width > available)) return null;
        var lines = new List<List<MathBox>> { new() };
        double used = 0;
        foreach (var piece in pieces)
        {
            if (used + piece.Width > available && lines[^1].Count > 0)
            {
                lines.Add([]);
                used = 0;
            }
            lines[^1].Add(piece);
            used += piece.Width;
        }
        return lines.Select((line, i) =>
        {
            var box = GroupBox.Row(line);
            var placement = i == 0 ? FlushLeft : i == lines.Count - 1 ? FlushRight : Centred;
            return ((MathBox)box, box.Height, box.Depth, placement);
        }).ToList();
    }

    /// <summary>
    /// The source of a formula that could not be parsed, too wide for the measure, in lines that fit: broken between
    /// words (a word wider than the measure between characters), each line in its marked box, all flush left, so that
    /// the whole source stays on the page to be read and mended.
    /// </summary>
    private static List<(MathBox Box, double Height, double Depth, double Placement)> ErrorLines(SetFormulaCache cache, MathError error, MathStyleState style, double available)
    {
        MathBox Set(string text) => cache.Typeset(error with { Source = text }, style);
        var lines = new List<string>();
        var line = "";
        foreach (var word in error.Source.Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length == 0 || Set(longer).Width <= available)
            {
                line = longer;
                continue;
            }
            lines.Add(line);
            line = word;
        }
        if (line.Length > 0) lines.Add(line);
        var fitted = new List<string>();
        foreach (var text in lines)
        {
            // A word wider than the measure by itself is cut between characters (text elements, so no pair is split).
            var rest = text;
            while (Set(rest).Width > available && new StringInfo(rest).LengthInTextElements > 1)
            {
                var elements = new StringInfo(rest);
                var count = elements.LengthInTextElements - 1;
                while (count > 1 && Set(elements.SubstringByTextElements(0, count)).Width > available) count--;
                fitted.Add(elements.SubstringByTextElements(0, count));
                rest = elements.SubstringByTextElements(count);
            }
            fitted.Add(rest);
        }
        return fitted.Select(text => Set(text)).Select(box => (box, box.Height, box.Depth, FlushLeft)).ToList();
    }

    /// <summary>Where a row sits in the measure: centred, or (the lines of a broken formula) flush left or right.</summary>
    private const double Centred = 0.5, FlushLeft = 0, FlushRight = 1;

    /// <summary>amsmath's \jot (3 pt at 10 pt) between the lines of a broken formula, in em.</summary>
    private const double Jot = 0.3;

    /// <summary>
    /// The environment whose lines are the formula's own lines on the page: a top-level align, gather, multline,
    /// flalign or eqnarray that is the whole formula (<see cref="MathTable.IsDisplayLines"/>), each line with its own
    /// number and the page free to break between them. The inner environments (aligned, gathered, split, alignedat,
    /// and rows written without an environment) are one box as in TeX: they never break, and the formula's number
    /// sits on the box's baseline, which is its middle (the box is centred on the axis), as amsmath centres it.
    /// </summary>
    private static MathTable? RowsOf(MathFormula formula) =>
        formula.NumberedTable is { IsDisplayLines: true } table && ReferenceEquals(table, formula.Root) ? table : null;
}
