using GptBook.Layout.Formulas;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>Moves fragments built relative to a row's top-left corner to where the row is arranged on the page.</summary>
public static class PageFragmentOffset
{
    public static PageFragment Offset(this PageFragment fragment, Length dx, Length dy) => fragment switch
    {
        TextFragment t => t with { X = t.X + dx, Baseline = t.Baseline + dy },
        ImageFragment i => i with { Box = i.Box.Offset(dx, dy) },
        RuleFragment r => r with { X1 = r.X1 + dx, Y1 = r.Y1 + dy, X2 = r.X2 + dx, Y2 = r.Y2 + dy },
        CropMarkFragment c => c with { X1 = c.X1 + dx, Y1 = c.Y1 + dy, X2 = c.X2 + dx, Y2 = c.Y2 + dy },
        ShadeFragment s => s with { Box = s.Box.Offset(dx, dy) },
        LinkFragment l => l with { Box = l.Box.Offset(dx, dy) },
        FormulaFragment f => f with { X = f.X + dx, Baseline = f.Baseline + dy },
        OutlineGlyphFragment g => g with { X = g.X + dx, Baseline = g.Baseline + dy },
        AnchorFragment a => a with { X = a.X + dx, Y = a.Y + dy },
        _ => throw new ArgumentOutOfRangeException(nameof(fragment), fragment.GetType().Name),
    };
}
