using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

public sealed partial class MathTypesetter
{
    /// <summary>Whether a big operator's scripts go above and below it (\sum in display style, \limits) or beside it (\int, text style).</summary>
    private static bool Limits(MathOperator op, MathStyleState style) =>
        op.Limits == MathLimits.Always || (op.Limits == MathLimits.DisplayOnly && style.IsDisplay);

    /// <summary>
    /// A big operator (rule 13): a large symbol, in display style its first variant at least DisplayOperatorMinHeight
    /// tall, centred on the axis; a named operator (lim, max, softmax) upright in the math face.
    /// </summary>
    private MathBox Operator(MathOperator op, MathStyleState style)
    {
        var scale = _font.Scale(style);
        if (!op.IsLargeSymbol)
            return GroupBox.Row(op.Text.EnumerateRunes().Select(r => (MathBox)_font.Character(r.Value, scale)));
        var runes = op.Text.EnumerateRunes().ToList();
        if (runes.Count != 1) return GroupBox.Row(runes.Select(r => (MathBox)_font.Character(r.Value, scale)));
        return LargeOperator(_font.Character(runes[0].Value, scale), style);
    }

    /// <summary>A large operator glyph, enlarged in display style and centred on the axis; keeps the italic correction of the glyph chosen.</summary>
    private MathBox LargeOperator(GlyphBox glyph, MathStyleState style)
    {
        var chosen = glyph;
        if (style.IsDisplay && glyph.Face == Fonts.FontRole.TeXMath)
        {
            var min = _font.Em(MathConstant.DisplayOperatorMinHeight, style);
            if (_font.Table.Vertical(glyph.GlyphId) is { } construction)
            {
                foreach (var variant in construction.Variants)
                {
                    chosen = _font.Glyph(variant.GlyphId, variant.GlyphId == glyph.GlyphId ? glyph.Text : "", glyph.Size);
                    if (_font.Em(variant.Advance, glyph.Size) >= min) break;
                }
            }
        }
        var shift = Axis(style) - (chosen.Height - chosen.Depth) / 2;
        MathBox drawn = chosen.GlyphId == glyph.GlyphId ? chosen : new StretchedBox(chosen, glyph.Text, glyph.Size);
        return new GroupBox([new PlacedBox(drawn, 0, shift)], chosen.Width, chosen.Height + shift, chosen.Depth - shift);
    }

    /// <summary>
    /// Limits above and below an operator (rule 13a): each centred on it, clear of it by the limit gaps or with its
    /// baseline at least the baseline rise/drop away; the upper one moved right and the lower one left by half the
    /// operator's italic correction, which follows the slant of an integral.
    /// </summary>
    private MathBox Limits(MathBox op, MathNode? under, MathNode? over, MathStyleState style)
    {
        var sup = over is null ? null : Typeset(over, style.Superscript);
        var sub = under is null ? null : Typeset(under, style.Subscript);
        var italic = LastGlyph(op)?.Italic ?? 0;
        var width = Math.Max(op.Width, Math.Max(sup?.Width ?? 0, sub?.Width ?? 0));
        var placed = new List<PlacedBox> { new(op, (width - op.Width) / 2, 0) };
        if (sup != null)
        {
            var gap = Math.Max(_font.Em(MathConstant.UpperLimitGapMin, style), _font.Em(MathConstant.UpperLimitBaselineRiseMin, style) - sup.Depth);
            placed.Add(new PlacedBox(sup, (width - sup.Width + italic) / 2, op.Height + gap + sup.Depth));
        }
        if (sub != null)
        {
            var gap = Math.Max(_font.Em(MathConstant.LowerLimitGapMin, style), _font.Em(MathConstant.LowerLimitBaselineDropMin, style) - sub.Height);
            placed.Add(new PlacedBox(sub, (width - sub.Width - italic) / 2, -(op.Depth + gap + sub.Height)));
        }
        return GroupBox.Of(placed, width);
    }
}
