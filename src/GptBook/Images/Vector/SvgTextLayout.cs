using System.Text;
using System.Xml.Linq;
using GptBook.Fonts;
using GptBook.Policies;

namespace GptBook.Images.Vector;

/// <summary>A stretch of SVG text set in one face, size and style, its baseline starting at (X, Y) in user space.</summary>
internal sealed record SvgTextRun(string Text, FontRole Face, double Size, double X, double Y, SvgStyle Style);

/// <summary>
/// Sets an SVG &lt;text&gt; element with the bundled faces: &lt;tspan&gt; nesting, absolute and relative positions
/// (lists apply per character), text-anchor per text chunk, dominant-baseline and baseline-shift, letter and word
/// spacing, and xml:space. The family names pick a bundled face by kind (monospace, sans-serif bold, serif, bold);
/// every character then goes through the fallback chain (<see cref="ITextMeasurer.ResolveFace"/>), so a figure's
/// 𠮷 or emoji prints like the body text's. Advances are the faces' own, as the PDF draws them.
/// </summary>
internal static class SvgTextLayout
{
    private static readonly XNamespace Svg = SvgAllowList.SvgNamespace;

    public static IEnumerable<SvgTextRun> Lay(XElement text, SvgStyle style, ITextMeasurer measurer,
        Func<string?, SvgStyle, SvgDrawingReader.Axis, double?> length, Func<XElement, SvgStyle, SvgStyle> derive)
    {
        var characters = new List<Character>();
        var frames = new List<Frame>();
        var preserve = (string?)text.Attribute(XNamespace.Xml + "space") == "preserve";
        var lastWasSpace = true; // leading spaces go
        Collect(text, style);
        while (characters.Count > 0 && characters[^1].Value == " " && !preserve) characters.RemoveAt(characters.Count - 1);
        return Position(characters, measurer);

        void Collect(XElement element, SvgStyle elementStyle)
        {
            frames.Add(new Frame(
                Lengths(element, "x", elementStyle, SvgDrawingReader.Axis.X), Lengths(element, "y", elementStyle, SvgDrawingReader.Axis.Y),
                Lengths(element, "dx", elementStyle, SvgDrawingReader.Axis.X), Lengths(element, "dy", elementStyle, SvgDrawingReader.Axis.Y)));
            foreach (var node in element.Nodes())
            {
                if (node is XElement child && child.Name.Namespace == Svg && child.Name.LocalName == "tspan" && (string?)child.Attribute("display") != "none")
                    Collect(child, derive(child, elementStyle));
                else if (node is XText t)
                    foreach (var rune in t.Value.EnumerateRunes())
                    {
                        var value = rune.Value is '\n' or '\r' ? (preserve ? " " : "") : rune.Value == '\t' ? " " : rune.ToString();
                        if (value.Length == 0) continue;
                        if (value == " " && !preserve && lastWasSpace) continue;
                        lastWasSpace = value == " ";
                        Emit(value, elementStyle);
                    }
            }
            frames.RemoveAt(frames.Count - 1);
        }

        void Emit(string value, SvgStyle characterStyle)
        {
            double? Pick(Func<Frame, IReadOnlyList<double>> list)
            {
                for (var f = frames.Count - 1; f >= 0; f--)
                {
                    var values = list(frames[f]);
                    if (values.Count > frames[f].Count) return values[frames[f].Count];
                }
                return null;
            }
            characters.Add(new Character(value, characterStyle, Pick(f => f.X), Pick(f => f.Y), Pick(f => f.Dx) ?? 0, Pick(f => f.Dy) ?? 0));
            foreach (var frame in frames) frame.Count++;
        }

        IReadOnlyList<double> Lengths(XElement element, string attribute, SvgStyle s, SvgDrawingReader.Axis axis) =>
            ((string?)element.Attribute(attribute) ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
                .Select(v => length(v, s, axis) ?? 0).ToList();
    }

    private static List<SvgTextRun> Position(List<Character> characters, ITextMeasurer measurer)
    {
        var placed = new List<(Character C, FontRole Face, double X, double Y, double Advance)>();
        double x = 0, y = 0;
        var chunkStart = 0;
        for (var i = 0; i < characters.Count; i++)
        {
            var c = characters[i];
            if ((c.X != null || c.Y != null) && i > 0)
            {
                Anchor(placed, chunkStart, x);
                chunkStart = placed.Count;
            }
            x = (c.X ?? x) + c.Dx;
            y = (c.Y ?? y) + c.Dy;
            var cp = char.ConvertToUtf32(c.Value, 0);
            if (FontFallbackChain.IsIgnorable(cp)) continue;
            var size = c.Style.FontSize;
            var face = measurer.ResolveFace(RoleOf(c.Style), cp);
            var advance = (measurer.HasGlyph(face, cp) ? measurer.Advance(face, cp) : 0.5) * size;
            placed.Add((c, face, x, y + BaselineOffset(c.Style, face, measurer), advance));
            x += advance + c.Style.LetterSpacing + (c.Value == " " ? c.Style.WordSpacing : 0);
        }
        Anchor(placed, chunkStart, x);

        var runs = new List<SvgTextRun>();
        var sb = new StringBuilder();
        for (var i = 0; i < placed.Count; i++)
        {
            var start = i;
            sb.Clear().Append(placed[i].C.Value);
            while (i + 1 < placed.Count && Continues(placed[i], placed[i + 1]))
                sb.Append(placed[++i].C.Value);
            var first = placed[start];
            if (first.C.Style.Visible && sb.ToString().Trim().Length > 0)
                runs.Add(new SvgTextRun(sb.ToString(), first.Face, first.C.Style.FontSize, first.X, first.Y, first.C.Style));
        }
        return runs;

        static bool Continues((Character C, FontRole Face, double X, double Y, double Advance) a, (Character C, FontRole Face, double X, double Y, double Advance) b) =>
            a.Face == b.Face && ReferenceEquals(a.C.Style, b.C.Style) && Math.Abs(a.Y - b.Y) < 1e-6 && Math.Abs(a.X + a.Advance - b.X) < 1e-6;
    }

    /// <summary>Shifts the chunk from <paramref name="start"/> by its text-anchor; <paramref name="end"/> is where its pen stopped.</summary>
    private static void Anchor(List<(Character C, FontRole Face, double X, double Y, double Advance)> placed, int start, double end)
    {
        if (start >= placed.Count) return;
        var anchor = placed[start].C.Style.TextAnchor;
        if (anchor is not ("middle" or "end")) return;
        var width = end - placed[start].X - placed[^1].C.Style.LetterSpacing;
        var shift = anchor == "middle" ? width / 2 : width;
        for (var i = start; i < placed.Count; i++) placed[i] = placed[i] with { X = placed[i].X - shift };
    }

    /// <summary>Where the alphabetic baseline lies below the y given, for the baselines SVG names (y downwards).</summary>
    private static double BaselineOffset(SvgStyle style, FontRole face, ITextMeasurer measurer)
    {
        var size = style.FontSize;
        var (ascent, descent) = (measurer.Ascent(face) * size, measurer.Descent(face) * size);
        var offset = style.DominantBaseline switch
        {
            "middle" or "central" => (ascent - descent) / 2,
            "hanging" or "text-before-edge" or "text-top" or "before-edge" => ascent,
            "text-after-edge" or "text-bottom" or "after-edge" or "ideographic" => -descent,
            "mathematical" => ascent / 2,
            _ => 0,
        };
        return offset - style.BaselineShift;
    }

    /// <summary>The bundled face for a font-family list and weight: monospace, sans-serif (bold only is bundled), or serif.</summary>
    public static FontRole RoleOf(SvgStyle style)
    {
        var family = style.FontFamily.ToLowerInvariant();
        if (family.Contains("mono", StringComparison.Ordinal) || family.Contains("courier", StringComparison.Ordinal) || family.Contains("consolas", StringComparison.Ordinal))
            return FontRole.Mono;
        if (style.Bold && IsSans(family)) return FontRole.SansBold;
        return style.Bold ? FontRole.SerifBold : FontRole.SerifRegular;
    }

    /// <summary>Whether the first family that names a kind is a sans-serif one.</summary>
    private static bool IsSans(string families)
    {
        foreach (var raw in families.Split(','))
        {
            var f = raw.Trim().Trim('"', '\'');
            if (f.Contains("sans", StringComparison.Ordinal) || f is "arial" or "helvetica" or "verdana" or "system-ui" or "microsoft yahei" or "pingfang sc" or "黑体" or "微软雅黑"
                || f.Contains("hei", StringComparison.Ordinal) || f.Contains("gothic", StringComparison.Ordinal))
                return true;
            if (f.Contains("serif", StringComparison.Ordinal) || f.Contains("song", StringComparison.Ordinal) || f.Contains("times", StringComparison.Ordinal)
                || f.Contains("ming", StringComparison.Ordinal) || f is "宋体" or "georgia")
                return false;
        }
        return false;
    }

    private sealed record Character(string Value, SvgStyle Style, double? X, double? Y, double Dx, double Dy);

    private sealed class Frame(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> dx, IReadOnlyList<double> dy)
    {
        public IReadOnlyList<double> X { get; } = x;
        public IReadOnlyList<double> Y { get; } = y;
        public IReadOnlyList<double> Dx { get; } = dx;
        public IReadOnlyList<double> Dy { get; } = dy;
        public int Count { get; set; }
    }
}
