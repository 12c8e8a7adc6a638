using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

public sealed partial class MathTypesetter
{
    /// <summary>
    /// \frac, \dfrac, \tfrac and \binom (Appendix G rule 15 with the MATH table's fraction and stack constants):
    /// numerator raised and denominator lowered by the style's shifts, then moved apart until each clears the bar
    /// (or, without a bar, each other) by the minimum gap; centred over each other; the bar on the axis.
    /// </summary>
    private MathBox Fraction(MathFraction fraction, MathStyleState outer)
    {
        var style = fraction.Style is { } forced ? new MathStyleState(forced, outer.Cramped) : outer;
        var display = style.IsDisplay;
        var num = Typeset(fraction.Numerator, style.Numerator);
        var den = Typeset(fraction.Denominator, style.Denominator);
        var axis = Axis(style);
        double up, down;
        var rule = 0.0;
        if (fraction.HasRule)
        {
            rule = _font.Em(MathConstant.FractionRuleThickness, style);
            up = _font.Em(display ? MathConstant.FractionNumeratorDisplayStyleShiftUp : MathConstant.FractionNumeratorShiftUp, style);
            down = _font.Em(display ? MathConstant.FractionDenominatorDisplayStyleShiftDown : MathConstant.FractionDenominatorShiftDown, style);
            var numGap = _font.Em(display ? MathConstant.FractionNumDisplayStyleGapMin : MathConstant.FractionNumeratorGapMin, style);
            var denGap = _font.Em(display ? MathConstant.FractionDenomDisplayStyleGapMin : MathConstant.FractionDenominatorGapMin, style);
            up = Math.Max(up, axis + rule / 2 + numGap + num.Depth);
            down = Math.Max(down, den.Height + denGap - (axis - rule / 2));
        }
        else
        {
            up = _font.Em(display ? MathConstant.StackTopDisplayStyleShiftUp : MathConstant.StackTopShiftUp, style);
            down = _font.Em(display ? MathConstant.StackBottomDisplayStyleShiftDown : MathConstant.StackBottomShiftDown, style);
            var gap = _font.Em(display ? MathConstant.StackDisplayStyleGapMin : MathConstant.StackGapMin, style);
            var clearance = (up - num.Depth) - (den.Height - down);
            if (clearance < gap)
            {
                up += (gap - clearance) / 2;
                down += (gap - clearance) / 2;
            }
        }
        // TeX's \nulldelimiterspace (1.2 pt at 10 pt) on each side keeps a fraction's bar off its neighbours.
        var side = 0.12 * _font.Scale(style);
        var width = Math.Max(num.Width, den.Width);
        var placed = new List<PlacedBox>
        {
            new(num, side + (width - num.Width) / 2, up),
            new(den, side + (width - den.Width) / 2, -down),
        };
        if (fraction.HasRule) placed.Add(new PlacedBox(new RuleBox(width, rule / 2, rule / 2), side, axis));
        MathBox box = GroupBox.Of(placed, width + 2 * side);
        if (fraction.LeftDelimiter.Length == 0 && fraction.RightDelimiter.Length == 0) return box;
        // TeX's \delim1 and \delim2 (1.01 em in text, 2.39 em in display style) size a \binom's parentheses.
        var size = (display ? 2.39 : 1.01) * _font.Scale(style);
        return GroupBox.Row([Delimiter(fraction.LeftDelimiter, size, style), box, Delimiter(fraction.RightDelimiter, size, style)]);
    }
}
