using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

public sealed partial class MathTypesetter
{
    /// <summary>
    /// \sqrt and \sqrt[n] (rule 11 with the MATH table's radical constants): the radicand in cramped style, the
    /// radical sign the first variant (or assembly) as tall as radicand, gap and rule together, any excess split
    /// evenly above and below; the rule continues the sign's top over the radicand; extra ascender space above it.
    /// A degree is set in scriptscript style, kerned before and after and raised by a percentage of the sign's height.
    /// </summary>
    private MathBox Radical(MathRadical radical, MathStyleState style)
    {
        var body = Typeset(radical.Radicand, style.Cramp);
        var gap = _font.Em(style.IsDisplay ? MathConstant.RadicalDisplayStyleVerticalGap : MathConstant.RadicalVerticalGap, style);
        var rule = _font.Em(MathConstant.RadicalRuleThickness, style);
        var extra = _font.Em(MathConstant.RadicalExtraAscender, style);
        var sign = _stretch.Vertical('√', body.Height + body.Depth + gap + rule, _font.Scale(style));
        var excess = sign.Height + sign.Depth - (body.Height + body.Depth + gap + rule);
        if (excess > 0) gap += excess / 2;
        var top = body.Height + gap + rule; // where the sign's top and the rule's top lie
        var signShift = top - sign.Height;

        var placed = new List<PlacedBox>();
        var x = 0.0;
        if (radical.Degree is { } degreeNode)
        {
            var degree = Typeset(degreeNode, new MathStyleState(MathStyle.ScriptScript, false));
            var before = _font.Em(MathConstant.RadicalKernBeforeDegree, style);
            var afterDegree = _font.Em(MathConstant.RadicalKernAfterDegree, style);
            var raise = _font.Table.Constant(MathConstant.RadicalDegreeBottomRaisePercent) / 100.0 * (sign.Height + sign.Depth);
            placed.Add(new PlacedBox(degree, before, signShift - sign.Depth + raise + degree.Depth));
            x = Math.Max(0, before + degree.Width + afterDegree);
        }
        placed.Add(new PlacedBox(sign, x, signShift));
        x += sign.Width;
        placed.Add(new PlacedBox(new RuleBox(body.Width, rule, 0), x, top - rule));
        placed.Add(new PlacedBox(body, x, 0));
        var box = GroupBox.Of(placed, x + body.Width);
        return box with { Height = Math.Max(box.Height, top + extra) };
    }
}
