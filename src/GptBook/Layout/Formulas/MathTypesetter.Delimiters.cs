using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

public sealed partial class MathTypesetter
{
    /// <summary>
    /// \left … \middle … \right (rule 19): every delimiter as tall as what it encloses reaches from the axis,
    /// measured TeX's way — at least 90.1 % of twice the larger extent above or below the axis, and no more than
    /// 0.5 em short of it (\delimiterfactor 901, \delimitershortfall 5 pt) — and never smaller than its own glyph.
    /// </summary>
    private MathBox Fenced(MathFenced fenced, MathStyleState style)
    {
        var segments = fenced.Segments.Select(s => Typeset(s, style)).ToList();
        var axis = Axis(style);
        var extent = segments.Count == 0 ? 0 : segments.Max(s => Math.Max(s.Height - axis, s.Depth + axis));
        var size = Math.Max(extent * 2 * 0.901, 2 * extent - 0.5 * _font.Scale(style));
        var boxes = new List<MathBox> { Delimiter(fenced.Left, size, style) };
        var thin = 3 / 18.0 * _font.Scale(style);
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
            {
                boxes.Add(new SpaceBox(thin));
                boxes.Add(Delimiter(fenced.Middles[i - 1], size, style));
                boxes.Add(new SpaceBox(thin));
            }
            boxes.Add(segments[i]);
        }
        boxes.Add(Delimiter(fenced.Right, size, style));
        return GroupBox.Row(boxes);
    }

    /// <summary>\big, \Big, \bigg, \Bigg: TeX's fixed sizes (8.5, 11.5, 14.5 and 17.5 pt at 10 pt), centred on the axis.</summary>
    private MathBox SizedDelimiter(MathSizedDelimiter delimiter, MathStyleState style)
    {
        var size = Math.Clamp(delimiter.Size, 1, 4) switch { 1 => 0.85, 2 => 1.15, 3 => 1.45, _ => 1.75 };
        return Delimiter(delimiter.Delimiter, size * _font.Scale(style), style);
    }

    /// <summary>A delimiter at least <paramref name="size"/> em tall centred on the axis; "" and "." are TeX's null delimiter, an empty space.</summary>
    private MathBox Delimiter(string delimiter, double size, MathStyleState style)
    {
        if (delimiter.Length == 0 || delimiter == ".") return new SpaceBox(0.12 * _font.Scale(style));
        var rune = delimiter.EnumerateRunes().First();
        var glyph = _stretch.Vertical(rune.Value, size, _font.Scale(style));
        return CentreOnAxis(glyph, style);
    }
}
