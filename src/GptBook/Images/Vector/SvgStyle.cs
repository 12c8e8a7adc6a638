using System.Globalization;
using System.Xml.Linq;
using GptBook.Policies;

namespace GptBook.Images.Vector;

/// <summary>
/// The computed styling of an element: inherited properties come from the parent, the element's own presentation
/// attributes (the sanitizer has already turned CSS into those) override them. <see cref="Opacity"/> is the product
/// of the element's and its ancestors' opacity: group opacity is applied to each shape inside the group, which is
/// exact for groups whose shapes do not overlap.
/// </summary>
internal sealed record SvgStyle
{
    public string Fill { get; init; } = "black";
    public double FillOpacity { get; init; } = 1;
    public FillRule FillRule { get; init; } = FillRule.NonZero;
    public string Stroke { get; init; } = "none";
    public double StrokeWidth { get; init; } = 1;
    public double StrokeOpacity { get; init; } = 1;
    public LineCap LineCap { get; init; } = LineCap.Butt;
    public LineJoin LineJoin { get; init; } = LineJoin.Miter;
    public double MiterLimit { get; init; } = 4;
    public string DashArray { get; init; } = "none";
    public double DashOffset { get; init; }
    public string Color { get; init; } = "black";
    public bool Visible { get; init; } = true;
    public string FontFamily { get; init; } = "serif";
    public double FontSize { get; init; } = 16;
    public bool Bold { get; init; }
    public string TextAnchor { get; init; } = "start";
    public string DominantBaseline { get; init; } = "auto";
    public double LetterSpacing { get; init; }
    public double WordSpacing { get; init; }
    public FillRule ClipRule { get; init; } = FillRule.NonZero;
    public string? MarkerStart { get; init; }
    public string? MarkerMid { get; init; }
    public string? MarkerEnd { get; init; }
    public double Opacity { get; init; } = 1;
    public double BaselineShift { get; init; }

    public static SvgStyle Initial { get; } = new();

    /// <summary>This style's child <paramref name="e"/>, styled by its own attributes.</summary>
    public SvgStyle Derive(XElement e, double viewportDiagonal)
    {
        string? A(string name)
        {
            var v = (string?)e.Attribute(name);
            return v == null || v.Trim() == "inherit" ? null : v.Trim();
        }
        var s = this with { Opacity = Opacity, BaselineShift = 0 };
        if (A("font-size") is { } fontSize) s = s with { FontSize = FontSizeOf(fontSize, FontSize, viewportDiagonal) };
        if (A("fill") is { } fill) s = s with { Fill = fill };
        if (Number(A("fill-opacity")) is { } fo) s = s with { FillOpacity = Math.Clamp(fo, 0, 1) };
        if (A("fill-rule") is { } fr) s = s with { FillRule = fr == "evenodd" ? FillRule.EvenOdd : FillRule.NonZero };
        if (A("clip-rule") is { } cr) s = s with { ClipRule = cr == "evenodd" ? FillRule.EvenOdd : FillRule.NonZero };
        if (A("stroke") is { } stroke) s = s with { Stroke = stroke };
        if (A("stroke-width") is { } sw && Length(sw, s.FontSize, viewportDiagonal) is { } width) s = s with { StrokeWidth = Math.Max(0, width) };
        if (Number(A("stroke-opacity")) is { } so) s = s with { StrokeOpacity = Math.Clamp(so, 0, 1) };
        if (A("stroke-linecap") is { } cap) s = s with { LineCap = cap switch { "round" => LineCap.Round, "square" => LineCap.Square, _ => LineCap.Butt } };
        if (A("stroke-linejoin") is { } join) s = s with { LineJoin = join switch { "round" => LineJoin.Round, "bevel" => LineJoin.Bevel, _ => LineJoin.Miter } };
        if (Number(A("stroke-miterlimit")) is { } ml && ml >= 1) s = s with { MiterLimit = ml };
        if (A("stroke-dasharray") is { } dash) s = s with { DashArray = dash };
        if (A("stroke-dashoffset") is { } dof && Length(dof, s.FontSize, viewportDiagonal) is { } offset) s = s with { DashOffset = offset };
        if (A("color") is { } color) s = s with { Color = color };
        if (A("visibility") is { } vis) s = s with { Visible = vis == "visible" };
        if (A("font-family") is { } family) s = s with { FontFamily = family };
        if (A("font-weight") is { } weight) s = s with { Bold = IsBold(weight, Bold) };
        if (A("text-anchor") is { } anchor) s = s with { TextAnchor = anchor };
        if ((A("dominant-baseline") ?? A("alignment-baseline")) is { } baseline) s = s with { DominantBaseline = baseline };
        if (A("letter-spacing") is { } ls) s = s with { LetterSpacing = ls == "normal" ? 0 : Length(ls, s.FontSize, viewportDiagonal) ?? LetterSpacing };
        if (A("word-spacing") is { } ws) s = s with { WordSpacing = ws == "normal" ? 0 : Length(ws, s.FontSize, viewportDiagonal) ?? WordSpacing };
        if (A("marker-start") is { } ms) s = s with { MarkerStart = ms };
        if (A("marker-mid") is { } mm) s = s with { MarkerMid = mm };
        if (A("marker-end") is { } me) s = s with { MarkerEnd = me };
        if (Number(A("opacity")) is { } opacity) s = s with { Opacity = Opacity * Math.Clamp(opacity, 0, 1) };
        if (A("baseline-shift") is { } shift)
            s = s with { BaselineShift = shift switch { "super" => 0.33 * s.FontSize, "sub" => -0.2 * s.FontSize, _ => Length(shift, s.FontSize, viewportDiagonal) ?? 0 } };
        return s;
    }

    private static bool IsBold(string weight, bool inherited) => weight switch
    {
        "bold" or "bolder" => true,
        "normal" or "lighter" => false,
        _ => int.TryParse(weight, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w >= 600 : inherited,
    };

    private static double FontSizeOf(string value, double parent, double diagonal) => value switch
    {
        "xx-small" => 9, "x-small" => 10, "small" => 13, "medium" => 16, "large" => 18, "x-large" => 24, "xx-large" => 32,
        "smaller" => parent / 1.2, "larger" => parent * 1.2,
        _ => Length(value, parent, diagonal, percentOf: parent) is { } v && v > 0 ? v : parent,
    };

    /// <summary>An opacity or other plain number (a percentage is a fraction).</summary>
    public static double? Number(string? value)
    {
        if (value == null) return null;
        var v = value.Trim();
        var percent = v.EndsWith('%');
        return double.TryParse(percent ? v[..^1] : v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? percent ? n / 100 : n
            : null;
    }

    /// <summary>A length in user units: absolute units, em/ex of <paramref name="fontSize"/>, % of <paramref name="percentOf"/> (default: the normalized viewport diagonal).</summary>
    public static double? Length(string? value, double fontSize, double diagonal, double? percentOf = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        var i = 0;
        if (!SvgNumbers.TryReadNumber(v, ref i, out var number)) return null;
        var unit = v[i..].Trim().ToLowerInvariant();
        return unit switch
        {
            "%" => number / 100 * (percentOf ?? diagonal),
            "em" or "rem" => number * fontSize,
            "ex" => number * fontSize / 2,
            _ => SvgNumbers.UnitFactor(unit) is { } f ? number * f : null,
        };
    }
}
