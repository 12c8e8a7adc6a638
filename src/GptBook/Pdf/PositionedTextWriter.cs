using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GptBook.Fonts;
using GptBook.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace GptBook.Pdf;

/// <summary>
/// Draws a stretch of a line (the runs of one style and structure element, side by side on one baseline) as one
/// positioned TJ array: the glyphs with the space justification and the Han–Latin glue put between them as
/// position adjustments, never as characters, inside a span whose /ActualText is the source text. Extraction and
/// search then read the source ("使GPT成为", not "使 GPT 成为"), and a justified line costs one text operation
/// instead of one per character.
/// <para>
/// PDFsharp has no TJ operator, so each stretch is drawn with one ordinary DrawString (which chooses the font,
/// sets the colour and puts the glyphs into the font subset), and <see cref="Rewrite"/> then replaces that string's
/// Tj in the page's content stream by the positioned array. Every string the page draws goes through
/// <see cref="Show"/>, so the n-th Tj in the stream is the n-th string shown; a mismatch is a bug and throws.
/// </para>
/// </summary>
internal sealed partial class PositionedTextWriter(ITextMeasurer measurer)
{
    private static readonly XStringFormat BaseLineLeft = XStringFormats.BaseLineLeft;
    private readonly List<string?> _shown = [];

    /// <summary>Draws plain text as PDFsharp does (one Tj).</summary>
    public void Show(XGraphics gfx, string text, XFont font, XBrush brush, double x, double baseline)
    {
        gfx.DrawString(text, font, brush, x, baseline, BaseLineLeft);
        _shown.Add(null);
    }

    /// <summary>Draws text centred in a box (a placeholder's message): one Tj, left as it is.</summary>
    public void Show(XGraphics gfx, string text, XFont font, XBrush brush, XRect box, XStringFormat format)
    {
        gfx.DrawString(text, font, brush, box, format);
        _shown.Add(null);
    }

    /// <summary>
    /// Draws fragments that share a style and baseline: glyph positions from each run's X and letter spacing,
    /// the source text as ActualText.
    /// </summary>
    public void ShowPositioned(XGraphics gfx, IReadOnlyList<TextFragment> stretch, XFont font, XBrush brush, double baseline)
    {
        var style = stretch[0].Run.Style;
        var size = style.Size.Points;
        var text = new StringBuilder();
        var source = new StringBuilder();
        var adjustments = new List<double>();
        double? end = null;
        foreach (var fragment in stretch)
        {
            var run = fragment.Run;
            var x = fragment.X.Points;
            foreach (var rune in run.Text.EnumerateRunes())
            {
                if (end is { } previous) adjustments.Add((x - previous) / size * -1000);
                var advance = measurer.Advance(style.Font, rune.Value) * size;
                end = x + advance;
                x += advance + run.LetterSpacing.Points;
            }
            text.Append(run.Text);
            source.Append(run.SourceText);
        }
        gfx.DrawString(text.ToString(), font, brush, stretch[0].X.Points, baseline, BaseLineLeft);
        _shown.Add(PositionedArray(adjustments, source.ToString()));
    }

    /// <summary>"{0}" stands for the glyph codes PDFsharp wrote; the rest is the TJ array and its ActualText span.</summary>
    private static string PositionedArray(List<double> adjustments, string source)
    {
        var sb = new StringBuilder("/Span<</ActualText<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(source)) sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        sb.Append(">>>BDC\n[");
        foreach (var a in adjustments) sb.Append('\u0001').Append(Math.Abs(a) < 0.05 ? "" : Math.Round(a, 1).ToString("0.#", CultureInfo.InvariantCulture));
        sb.Append('\u0001').Append("] TJ\nEMC");
        return sb.ToString();
    }

    /// <summary>Rewrites the page's content streams: each positioned stretch's Tj becomes its TJ array.</summary>
    public void Rewrite(PdfPage page)
    {
        var index = 0;
        foreach (var item in page.Contents.Elements)
        {
            if ((item as PdfReference)?.Value is not PdfDictionary { Stream: { } stream }) continue;
            var content = Encoding.Latin1.GetString(stream.Value);
            var rewritten = ShownString().Replace(content, m =>
            {
                if (index >= _shown.Count) throw new InvalidOperationException("the page shows more strings than were drawn");
                var array = _shown[index++];
                if (array == null) return m.Value;
                var hex = m.Groups[1].Value.Replace("\n", "", StringComparison.Ordinal); // PDFsharp breaks the line every 24 glyphs
                var glyphs = array.Count(c => c == '\u0001');
                if (hex.Length != glyphs * 4) throw new InvalidOperationException($"a positioned string has {hex.Length / 4} glyphs, not {glyphs}");
                var sb = new StringBuilder(array.Length + hex.Length + 16);
                var g = 0;
                var open = false;
                foreach (var c in array)
                {
                    if (c != '\u0001') { if (open) { sb.Append('>'); open = false; } sb.Append(c == '[' ? "[" : c.ToString()); continue; }
                    if (!open) { sb.Append(sb.Length > 0 && char.IsAsciiDigit(sb[^1]) ? " <" : "<"); open = true; }
                    sb.Append(hex, g * 4, 4);
                    g++;
                }
                return sb.ToString();
            });
            if (!ReferenceEquals(rewritten, content)) stream.Value = Encoding.Latin1.GetBytes(rewritten);
        }
        if (index != _shown.Count) throw new InvalidOperationException($"{_shown.Count} strings were drawn but the page shows {index}");
        _shown.Clear();
    }

    [GeneratedRegex("<([0-9A-Fa-f\n]*)> Tj")]
    private static partial Regex ShownString();
}
