using System.Text;
using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

public sealed partial class MathTypesetter
{
    /// <summary>The combining marks of the math face that the accent commands draw (they are designed to sit on an x-height base).</summary>
    private static int AccentCharacter(string command, string mark) => command switch
    {
        "hat" or "widehat" => 0x0302,
        "tilde" or "widetilde" => 0x0303,
        "bar" => 0x0304,
        "vec" => 0x20D7,
        "dot" => 0x0307,
        "ddot" => 0x0308,
        "dddot" => 0x20DB,
        "check" or "widecheck" => 0x030C,
        "breve" => 0x0306,
        "acute" => 0x0301,
        "grave" => 0x0300,
        "mathring" => 0x030A,
        "overrightarrow" => 0x2192,
        "overleftarrow" => 0x2190,
        "overleftrightarrow" => 0x2194,
        "overbrace" => 0x23DE,
        "underbrace" => 0x23DF,
        _ => mark.EnumerateRunes().FirstOrDefault().Value,
    };

    /// <summary>
    /// Accents, bars and braces over or under a base (rules 12 and 9–10 with the MATH table's constants): an accent
    /// is centred on the base's top accent attachment and raised by as much as the base is taller than
    /// AccentBaseHeight; a wide accent, arrow or brace is the first variant (or assembly) as wide as the base;
    /// \overline and \underline are rules at the bar gaps; a brace's label is set in script style beyond it.
    /// </summary>
    private MathBox Accent(MathAccent accent, MathStyleState style)
    {
        var body = Typeset(accent.Base, style.Cramp);
        var scale = _font.Scale(style);
        var command = accent.Command.TrimStart('\\');
        if (command is "overline" or "underline")
            return Bar(body, command == "underline", style);
        var character = AccentCharacter(command, accent.Mark);
        if (character == 0) return body;
        var stretchy = accent.Stretchy || command.StartsWith("over", StringComparison.Ordinal) || command.StartsWith("under", StringComparison.Ordinal);
        var mark = stretchy ? _stretch.Horizontal(character, body.Width, scale) : _font.Character(character, scale);

        if (command is "overbrace" or "underbrace")
            return Brace(body, mark, accent.Label, accent.Under || command == "underbrace", style);
        if (accent.Under)
        {
            var gap = _font.Em(MathConstant.UnderbarVerticalGap, style);
            return GroupBox.Of([new(body, 0, 0), new(mark, (body.Width - mark.Width) / 2, -(body.Depth + gap + mark.Height))], body.Width);
        }
        var attachment = body is GlyphBox g ? _font.AccentAttachment(g) : body.Width / 2;
        var markAttachment = mark switch
        {
            GlyphBox m => _font.AccentAttachment(m),
            StretchedBox { Drawn: GlyphBox variant } => _font.AccentAttachment(variant),
            _ => mark.Width / 2,
        };
        double shift;
        if (character is 0x2190 or 0x2192 or 0x2194)
            shift = body.Height + _font.Em(MathConstant.OverbarVerticalGap, style) + mark.Depth; // arrows are not marks: set above with a gap
        else
            shift = Math.Max(0, body.Height - _font.Em(MathConstant.AccentBaseHeight, style));
        var x = attachment - markAttachment;
        var left = Math.Min(0, x);
        var box = GroupBox.Of([new(body, -left, 0), new(mark, x - left, shift)], Math.Max(body.Width, x + mark.Width) - left);
        return box;
    }

    /// <summary>\overline, \underline: a rule of the bar thickness at the bar gap, with the extra ascender or descender beyond it.</summary>
    private MathBox Bar(MathBox body, bool under, MathStyleState style)
    {
        if (under)
        {
            var gap = _font.Em(MathConstant.UnderbarVerticalGap, style);
            var thickness = _font.Em(MathConstant.UnderbarRuleThickness, style);
            var extra = _font.Em(MathConstant.UnderbarExtraDescender, style);
            var box = GroupBox.Of([new(body, 0, 0), new(new RuleBox(body.Width, thickness, 0), 0, -(body.Depth + gap + thickness))], body.Width);
            return box with { Depth = body.Depth + gap + thickness + extra };
        }
        else
        {
            var gap = _font.Em(MathConstant.OverbarVerticalGap, style);
            var thickness = _font.Em(MathConstant.OverbarRuleThickness, style);
            var extra = _font.Em(MathConstant.OverbarExtraAscender, style);
            var box = GroupBox.Of([new(body, 0, 0), new(new RuleBox(body.Width, thickness, 0), 0, body.Height + gap)], body.Width);
            return box with { Height = body.Height + gap + thickness + extra };
        }
    }

    /// <summary>
    /// \underbrace and \overbrace: the brace as wide as the base, StretchStackGap away from it; the label in script
    /// style beyond the brace, its baseline at least StretchStackBottomShiftDown (or TopShiftUp) from the brace's.
    /// </summary>
    private MathBox Brace(MathBox body, MathBox brace, MathNode? labelNode, bool under, MathStyleState style)
    {
        var label = labelNode is null ? null : Typeset(labelNode, style.Subscript);
        var width = Math.Max(body.Width, Math.Max(brace.Width, label?.Width ?? 0));
        var placed = new List<PlacedBox> { new(body, (width - body.Width) / 2, 0) };
        if (under)
        {
            var braceShift = -(body.Depth + _font.Em(MathConstant.StretchStackGapAboveMin, style) + brace.Height);
            placed.Add(new PlacedBox(brace, (width - brace.Width) / 2, braceShift));
            if (label != null)
            {
                var drop = Math.Max(_font.Em(MathConstant.StretchStackBottomShiftDown, style),
                    brace.Depth + _font.Em(MathConstant.StretchStackGapBelowMin, style) + label.Height);
                placed.Add(new PlacedBox(label, (width - label.Width) / 2, braceShift - drop));
            }
        }
        else
        {
            var braceShift = body.Height + _font.Em(MathConstant.StretchStackGapBelowMin, style) + brace.Depth;
            placed.Add(new PlacedBox(brace, (width - brace.Width) / 2, braceShift));
            if (label != null)
            {
                var rise = Math.Max(_font.Em(MathConstant.StretchStackTopShiftUp, style),
                    brace.Height + _font.Em(MathConstant.StretchStackGapAboveMin, style) + label.Depth);
                placed.Add(new PlacedBox(label, (width - label.Width) / 2, braceShift + rise));
            }
        }
        return GroupBox.Of(placed, width);
    }

    /// <summary>
    /// \overset, \underset, \stackrel: the base with things centred above and below it, clear by the limit gaps. An
    /// extensible arrow (\xrightarrow) is first drawn as wide as its wider label and a little more (amsmath pads
    /// the label by about half an em), from the font's larger variants or its assembly of parts.
    /// </summary>
    private MathBox UnderOver(MathUnderOver node, MathStyleState style)
    {
        if (!node.Stretchy || node.Base is not MathSymbol arrow || !Rune.TryGetRuneAt(arrow.Text, 0, out var rune))
            return Limits(Box(node.Base, style), node.Under, node.Over, style);
        var labels = Math.Max(node.Over is null ? 0 : Typeset(node.Over, style.Superscript).Width,
            node.Under is null ? 0 : Typeset(node.Under, style.Subscript).Width);
        var scale = _font.Scale(style);
        var stretched = _stretch.Horizontal(rune.Value, Math.Max(labels + 0.6 * scale, 1.2 * scale), scale);
        return Limits(stretched, node.Under, node.Over, style);
    }

    /// <summary>
    /// \cancel, \bcancel, \xcancel: the term with a diagonal (or both) from corner to corner of its box, a tenth of
    /// an em beyond it on each side as the cancel package draws it, in the fraction rule's thickness.
    /// </summary>
    private MathBox Cancelled(MathCancel node, MathStyleState style)
    {
        var body = Typeset(node.Content, style);
        var rule = _font.Em(MathConstant.FractionRuleThickness, style);
        var over = 0.1 * _font.Scale(style);
        var (left, right, bottom, top) = (-over / 2, body.Width + over / 2, -body.Depth - over / 2, body.Height + over / 2);
        var placed = new List<PlacedBox> { new(body, 0, 0) };
        if (node.Stroke != MathCancelStroke.Down) placed.Add(new PlacedBox(new StrokeBox(left, bottom, right, top, rule), 0, 0));
        if (node.Stroke != MathCancelStroke.Up) placed.Add(new PlacedBox(new StrokeBox(left, top, right, bottom, rule), 0, 0));
        return GroupBox.Of(placed, body.Width);
    }

    /// <summary>
    /// \boxed: the content inside a frame of the fraction rule's thickness, 0.25 em clear of it on every side (LaTeX's
    /// \fboxsep is 3 pt at 10 pt); the frame's bottom edge reaches below the content's depth, so the box keeps its baseline.
    /// </summary>
    private MathBox Boxed(MathBoxed node, MathStyleState style)
    {
        var body = Typeset(node.Content, style);
        var rule = _font.Em(MathConstant.FractionRuleThickness, style);
        var pad = 0.25 * _font.Scale(style);
        var width = body.Width + 2 * (pad + rule);
        var height = body.Height + pad + rule;
        var depth = body.Depth + pad + rule;
        return GroupBox.Of(
        [
            new PlacedBox(new RuleBox(width, rule, 0), 0, height - rule),
            new PlacedBox(new RuleBox(width, 0, rule), 0, -(depth - rule)),
            new PlacedBox(new RuleBox(rule, height, depth), 0, 0),
            new PlacedBox(new RuleBox(rule, height, depth), width - rule, 0),
            new PlacedBox(body, rule + pad, 0),
        ], width);
    }
}
