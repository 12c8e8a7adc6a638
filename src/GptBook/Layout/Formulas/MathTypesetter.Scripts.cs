using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

public sealed partial class MathTypesetter
{
    /// <summary>
    /// Sub- and superscripts (Appendix G rules 18a–f with the MATH table's script constants): a superscript is
    /// raised by the style's shift, or further so that its bottom clears SuperscriptBottomMin; a subscript lowered
    /// by SubscriptShiftDown or further so that its top stays below SubscriptTopMax; with both, they are pushed apart
    /// to SubSuperscriptGapMin. A base that is a box rather than a character starts from its own top and bottom less
    /// the baseline drops. The superscript follows the base's italic correction; cut-in kerns from the MATH table
    /// move both towards the base where the font gives them. A big operator's limits go above and below instead, and
    /// so do a \mathop's in display style.
    /// </summary>
    private MathBox Scripts(MathScripts scripts, MathStyleState style)
    {
        if (scripts.Base is MathOperator op && Limits(op, style))
            return Limits(Operator(op, style), scripts.Subscript, scripts.Superscript, style);
        // \mathop{…} is an operator atom, which TeX gives limits in display style (\displaylimits), as the MathML does.
        if (scripts.Base is MathClassed { Class: AtomClass.Op } classed && style.IsDisplay)
            return Limits(Box(classed, style), scripts.Subscript, scripts.Superscript, style);
        var nucleus = Box(scripts.Base, style);
        var supStyle = style.Superscript;
        var subStyle = style.Subscript;
        var sup = scripts.Superscript is { } p ? Typeset(p, supStyle) : null;
        var sub = scripts.Subscript is { } b ? Typeset(b, subStyle) : null;
        var glyph = LastGlyph(nucleus);
        var isCharacter = nucleus is GlyphBox;
        var italic = glyph?.Italic ?? 0;
        var isOperator = scripts.Base is MathOperator { IsLargeSymbol: true };

        double up = isCharacter ? 0 : nucleus.Height - _font.Em(MathConstant.SuperscriptBaselineDropMax, supStyle);
        double down = isCharacter ? 0 : nucleus.Depth + _font.Em(MathConstant.SubscriptBaselineDropMin, subStyle);
        if (sup != null)
        {
            up = Math.Max(up, _font.Em(style.Cramped ? MathConstant.SuperscriptShiftUpCramped : MathConstant.SuperscriptShiftUp, style));
            up = Math.Max(up, sup.Depth + _font.Em(MathConstant.SuperscriptBottomMin, style));
        }
        if (sub != null)
        {
            down = Math.Max(down, _font.Em(MathConstant.SubscriptShiftDown, style));
            if (sup == null) down = Math.Max(down, sub.Height - _font.Em(MathConstant.SubscriptTopMax, style));
        }
        if (sup != null && sub != null)
        {
            var gap = (up - sup.Depth) - (sub.Height - down);
            var minGap = _font.Em(MathConstant.SubSuperscriptGapMin, style);
            if (gap < minGap)
            {
                down += minGap - gap;
                // Rule 18e: lift the superscript back as far as its bottom may go while a subscript is present.
                var lift = _font.Em(MathConstant.SuperscriptBottomMaxWithSubscript, style) - (up - sup.Depth);
                if (lift > 0)
                {
                    up += lift;
                    down -= lift;
                }
            }
        }

        var placed = new List<PlacedBox> { new(nucleus, 0, 0) };
        var end = nucleus.Width;
        var after = _font.Em(MathConstant.SpaceAfterScript, style);
        if (sup != null)
        {
            // A large operator's italic correction separates its superscript; its subscript tucks under it.
            var x = nucleus.Width + (isOperator ? 0 : italic) + CutIn(glyph, MathKernCorner.TopRight, up, sup, style);
            placed.Add(new PlacedBox(sup, x, up));
            end = Math.Max(end, x + sup.Width);
        }
        if (sub != null)
        {
            var x = nucleus.Width - (isOperator ? italic : 0) + CutIn(glyph, MathKernCorner.BottomRight, -down, sub, style);
            placed.Add(new PlacedBox(sub, x, -down));
            end = Math.Max(end, x + sub.Width);
        }
        return GroupBox.Of(placed, end + after);
    }

    /// <summary>
    /// The MATH table's cut-in kern at a corner of the base glyph, taken at the height where the script's nearest
    /// corner meets it (the OpenType rule); 0 where the font has none.
    /// </summary>
    private double CutIn(GlyphBox? glyph, MathKernCorner corner, double shift, MathBox script, MathStyleState style)
    {
        if (glyph is not { Face: Fonts.FontRole.TeXMath } || _font.Table.Kern(glyph.GlyphId, corner) is not { } kern) return 0;
        var height = corner == MathKernCorner.TopRight ? shift - script.Depth : shift + script.Height;
        return _font.Em(kern.At(height / _font.Scale(style) * _font.Face.UnitsPerEm), _font.Scale(style));
    }

    /// <summary>The glyph at the right end of a box (for its italic correction and cut-in kerns), if the box ends in one.</summary>
    private static GlyphBox? LastGlyph(MathBox box) => box switch
    {
        GlyphBox g => g,
        StretchedBox s => LastGlyph(s.Drawn),
        GroupBox { Children.Count: > 0 } group => LastGlyph(group.Children[^1].Box),
        _ => null,
    };
}
