using System.Text;
using GptBook.Fonts;
using GptBook.Layout.Formulas;
using PdfSharp.Drawing;

namespace GptBook.Pdf;

/// <summary>
/// Draws typeset math (<see cref="FormulaFragment"/>): each glyph the face maps a character to as text in that
/// face, so it is embedded in the face's subset and copies as its character (𝑥, ∑, 中); a glyph no character maps
/// to (a larger variant of a delimiter or an operator, a piece of an assembly) as its outline, filled, with the
/// character it grew from written invisibly on the formula's baseline inside an /ActualText span
/// (<see cref="PositionedTextWriter.ShowInvisible"/>), so that a grown bracket or radical copies as "(" or "√" and
/// not as nothing; bars as filled rectangles; an error's frame dashed. Everything in the body ink.
/// <para>
/// The glyphs of one face, one after another in the box tree (a formula's identifiers, operators, scripts,
/// numerators and denominators), are drawn as one PDFsharp string whose stretches of one size and baseline are
/// positioned arrays (<see cref="PositionedTextWriter.ShowGlyphs"/>), each glyph where the typesetter put it:
/// PDFsharp's cost (tagging above all) is per string drawn, and a formula has a few faces but many glyphs.
/// </para>
/// </summary>
internal sealed class FormulaRenderer(GlyphOutlineFiller outlines, Func<FontRole, double, string, XFont> font, PositionedTextWriter text)
{
    private readonly XBrush _ink = new XSolidBrush(PrintInks.Text);

    // The run of glyphs of one face not yet drawn, in drawing order.
    private readonly List<PositionedTextWriter.PlacedGlyph> _run = [];
    private FontRole _runFace;

    public void Draw(FormulaFragment fragment, XGraphics gfx)
    {
        Draw(fragment.Box, fragment.Size.Points, fragment.X.Points, fragment.Baseline.Points, fragment.Baseline.Points, gfx);
        DrawRun(gfx);
    }

    /// <summary>A box with its origin at (<paramref name="x"/>, <paramref name="baseline"/>); <paramref name="line"/> is the formula's own baseline.</summary>
    private void Draw(MathBox box, double size, double x, double baseline, double line, XGraphics gfx)
    {
        switch (box)
        {
            case GlyphBox g when g.Text.Length > 0:
                AddToRun(g, size, x, baseline, gfx);
                break;
            case GlyphBox g:
                outlines.Fill(gfx, g.Face, g.GlyphId, g.Size * size, x, baseline);
                break;
            case RuleBox r:
                gfx.DrawRectangle(_ink, x, baseline - r.Height * size, r.Width * size, (r.Height + r.Depth) * size);
                break;
            case StrokeBox l:
                gfx.DrawLine(new XPen(PrintInks.Text, l.Thickness * size), x + l.X1 * size, baseline - l.Y1 * size, x + l.X2 * size, baseline - l.Y2 * size);
                break;
            case FrameBox f:
                var pen = new XPen(PrintInks.PlaceholderFrame, f.Thickness * size) { DashStyle = XDashStyle.Dash };
                gfx.DrawRectangle(pen, x, baseline - f.Height * size, f.Width * size, (f.Height + f.Depth) * size);
                break;
            case StretchedBox s:
                DrawRun(gfx); // its character comes after the glyphs before it in the text layer
                // On the formula's baseline rather than the grown glyph's, so that extraction keeps it in its line.
                text.ShowInvisible(gfx, s.StandsFor, font(FontRole.TeXMath, s.Size * size, s.StandsFor), _ink, x, line);
                Draw(s.Drawn, size, x, baseline, line, gfx);
                break;
            case GroupBox group:
                // By index: the children are a list, and a foreach over the interface would allocate an enumerator per group.
                var children = group.Children;
                for (var i = 0; i < children.Count; i++)
                    Draw(children[i].Box, size, x + children[i].X * size, baseline - children[i].Shift * size, line, gfx);
                break;
        }
    }

    /// <summary>Adds a glyph to the run, drawing the run first when the glyph's face differs.</summary>
    private void AddToRun(GlyphBox glyph, double size, double x, double baseline, XGraphics gfx)
    {
        if (_run.Count > 0 && glyph.Face != _runFace) DrawRun(gfx);
        if (!Rune.TryGetRuneAt(glyph.Text, 0, out var rune) || rune.Utf16SequenceLength != glyph.Text.Length)
        {
            // A glyph that copies as more than one character has no single advance to place the next one by: a string of its own.
            DrawRun(gfx);
            gfx.DrawString(glyph.Text, font(glyph.Face, glyph.Size * size, glyph.Text), _ink, x, baseline, XStringFormats.BaseLineLeft);
            return;
        }
        _runFace = glyph.Face;
        _run.Add(new PositionedTextWriter.PlacedGlyph(glyph.Text, x, baseline, Math.Round(glyph.Size * size, 3), glyph.Width * size));
    }

    // The run's characters, in a builder reused from run to run (a book's formulas draw thousands of runs).
    private readonly StringBuilder _characters = new();

    private string RunText()
    {
        _characters.Clear();
        foreach (var glyph in _run) _characters.Append(glyph.Text);
        return _characters.ToString();
    }

    private void DrawRun(XGraphics gfx)
    {
        if (_run.Count == 0) return;
        var characters = _run.Count == 1 ? _run[0].Text : RunText();
        text.ShowGlyphs(gfx, _run, characters, font(_runFace, _run[0].Size, characters), _ink);
        _run.Clear();
    }
}
