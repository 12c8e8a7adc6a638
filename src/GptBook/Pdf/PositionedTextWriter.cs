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
/// sets the colour and puts the glyphs into the font subset) after a numbered comment, and <see cref="Rewrite"/>
/// then replaces the Tj that follows each comment in the page's content stream by that stretch's positioned array,
/// and drops the comment (on another thread, put in place by <see cref="Complete"/>). Text drawn otherwise (in vector figures, placeholders) is left as PDFsharp wrote it.
/// </para>
/// </summary>
internal sealed partial class PositionedTextWriter(ITextMeasurer measurer)
{
    private static readonly XStringFormat BaseLineLeft = XStringFormats.BaseLineLeft;
    private readonly List<(string Array, int Glyphs)> _arrays = [];
    // The pages' streams and their rewriting under way, in page order (Rewrite, Complete).
    private readonly List<(List<PdfDictionary.PdfStream> Streams, Task<byte[]?[]> Rewritten)> _pending = [];

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
        // The array between its brackets: a placeholder per glyph (U+0001), the adjustment to the next glyph after
        // each, written as the glyphs are placed.
        var body = new StringBuilder();
        Span<char> number = stackalloc char[32];
        var glyphs = 0;
        double? end = null;
        foreach (var fragment in stretch)
        {
            var run = fragment.Run;
            var x = fragment.X.Points;
            foreach (var rune in run.Text.EnumerateRunes())
            {
                if (end is { } previous)
                {
                    body.Append(Glyph);
                    var adjustment = (x - previous) / size * -1000;
                    if (Math.Abs(adjustment) >= 0.05 && Math.Round(adjustment, 1).TryFormat(number, out var written, "0.#", CultureInfo.InvariantCulture))
                        body.Append(number[..written]);
                }
                var advance = measurer.Advance(style.Font, rune.Value) * size;
                end = x + advance;
                x += advance + run.LetterSpacing.Points;
                glyphs++;
            }
            text.Append(run.Text);
            source.Append(run.SourceText);
        }
        gfx.WriteComment(Marker + _arrays.Count.ToString(CultureInfo.InvariantCulture));
        gfx.DrawString(text.ToString(), font, brush, stretch[0].X.Points, baseline, BaseLineLeft);
        var array = ActualTextSpan(source.ToString()).Append('[').Append(body).Append(Glyph).Append("] TJ\nEMC").ToString();
        _arrays.Add((array, glyphs));
    }

    /// <summary>
    /// Draws glyphs of one font on one baseline (a formula's run of one face and size) as one positioned TJ array:
    /// each glyph at its own X, the difference from where the one before it ends (its <c>Advance</c>, in points) put
    /// between them as a position adjustment. No /ActualText span: each glyph is its character, and the formula's
    /// structure element carries its source as /Alt. A single glyph is an ordinary string.
    /// </summary>
    public void ShowGlyphs(XGraphics gfx, IReadOnlyList<(string Text, double X, double Advance)> glyphs, XFont font, XBrush brush, double baseline)
    {
        if (glyphs.Count == 1)
        {
            gfx.DrawString(glyphs[0].Text, font, brush, glyphs[0].X, baseline, BaseLineLeft);
            return;
        }
        var size = font.Size;
        var text = new StringBuilder();
        var body = new StringBuilder("[");
        Span<char> number = stackalloc char[32];
        for (var i = 0; i < glyphs.Count; i++)
        {
            var (glyph, x, _) = glyphs[i];
            if (i > 0)
            {
                var end = glyphs[i - 1].X + glyphs[i - 1].Advance;
                var adjustment = (x - end) / size * -1000;
                if (Math.Abs(adjustment) >= 0.05 && Math.Round(adjustment, 1).TryFormat(number, out var written, "0.#", CultureInfo.InvariantCulture))
                    body.Append(number[..written]);
            }
            body.Append(Glyph);
            text.Append(glyph);
        }
        gfx.WriteComment(Marker + _arrays.Count.ToString(CultureInfo.InvariantCulture));
        gfx.DrawString(text.ToString(), font, brush, glyphs[0].X, baseline, BaseLineLeft);
        _arrays.Add((body.Append("] TJ").ToString(), glyphs.Count));
    }

    /// <summary>
    /// Writes <paramref name="text"/> invisibly (text rendering mode 3) in an /ActualText span of the same text: the
    /// character that a glyph drawn as outlines stands for, so that extraction, search and copying find it there.
    /// </summary>
    public void ShowInvisible(XGraphics gfx, string text, XFont font, XBrush brush, double x, double baseline)
    {
        gfx.WriteComment(Marker + _arrays.Count.ToString(CultureInfo.InvariantCulture));
        gfx.DrawString(text, font, brush, x, baseline, BaseLineLeft);
        var sb = ActualTextSpan(text).Append("3 Tr\n[");
        var glyphs = 0;
        foreach (var _ in text.EnumerateRunes()) { sb.Append(Glyph); glyphs++; }
        _arrays.Add((sb.Append("] TJ\n0 Tr\nEMC").ToString(), glyphs));
    }

    /// <summary>Stands for the next glyph code PDFsharp wrote, in an array that <see cref="Rewrite"/> fills in.</summary>
    private const char Glyph = '\u0001';

    /// <summary>The opening of a marked-content span whose /ActualText is <paramref name="source"/>.</summary>
    private static StringBuilder ActualTextSpan(string source)
    {
        var sb = new StringBuilder("/Span<</ActualText<FEFF");
        return sb.Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(source))).Append(">>>BDC\n");
    }

    private const string Marker = "gptbook-tj ";

    /// <summary>
    /// Rewrites the page's content streams, once its graphics are closed: each positioned stretch's Tj becomes its
    /// TJ array. The rewriting (decoding, matching, re-encoding the page's text: a tenth of the drawing's time) runs
    /// on another core while the next pages are drawn; <see cref="Complete"/> puts the pages' new streams in place,
    /// in page order, before anything reads them.
    /// </summary>
    public void Rewrite(PdfPage page)
    {
        if (_arrays.Count == 0) return;
        var arrays = _arrays.ToArray();
        _arrays.Clear();
        var streams = new List<PdfDictionary.PdfStream>();
        foreach (var item in page.Contents.Elements)
            if ((item as PdfReference)?.Value is PdfDictionary { Stream: { } stream }) streams.Add(stream);
        var contents = streams.Select(stream => stream.Value).ToArray();
        _pending.Add((streams, Task.Run(() => Rewritten(contents, arrays))));
    }

    /// <summary>Waits for every page's <see cref="Rewrite"/> and sets the rewritten streams, page by page.</summary>
    public void Complete()
    {
        foreach (var (streams, rewriting) in _pending)
        {
            var rewritten = rewriting.GetAwaiter().GetResult();
            for (var i = 0; i < streams.Count; i++)
                if (rewritten[i] is { } bytes) streams[i].Value = bytes;
        }
        _pending.Clear();
    }

    /// <summary>A page's content streams with the marked Tj strings replaced by <paramref name="arrays"/>; null for a stream without them.</summary>
    private static byte[]?[] Rewritten(byte[][] contents, (string Array, int Glyphs)[] arrays)
    {
        var done = 0;
        var result = new byte[]?[contents.Length];
        for (var n = 0; n < contents.Length; n++)
        {
            var content = Encoding.Latin1.GetString(contents[n]);
            if (!content.Contains(Marker, StringComparison.Ordinal)) continue;
            var rewritten = MarkedString().Replace(content, m =>
            {
                var (array, glyphs) = arrays[int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)];
                var hex = m.Groups[3].ValueSpan; // PDFsharp breaks the line every 24 glyphs
                var digits = hex.Length - hex.Count('\n');
                if (digits != glyphs * 4) throw new InvalidOperationException($"a positioned string has {digits / 4} glyphs, not {glyphs}");
                var sb = new StringBuilder(m.Groups[2].Length + array.Length + hex.Length + 16).Append(m.Groups[2].ValueSpan);
                var h = 0;
                var open = false;
                foreach (var c in array)
                {
                    if (c != Glyph)
                    {
                        if (open) { sb.Append('>'); open = false; }
                        sb.Append(c);
                        continue;
                    }
                    if (!open) { sb.Append(char.IsAsciiDigit(sb[^1]) ? " <" : "<"); open = true; }
                    for (var k = 0; k < 4; h++)
                        if (hex[h] != '\n') { sb.Append(hex[h]); k++; }
                }
                done++;
                return sb.ToString();
            });
            result[n] = Encoding.Latin1.GetBytes(rewritten);
        }
        if (done != arrays.Length) throw new InvalidOperationException($"{arrays.Length} positioned strings were drawn but {done} were found on the page");
        return result;
    }

    /// <summary>Our comment, what PDFsharp writes before the string (font, colour, position), and the string's Tj.</summary>
    [GeneratedRegex("% gptbook-tj ([0-9]+)\n((?:[^%<\n][^\n]*\n|\n)*?)<([0-9A-Fa-f\n]*)> Tj")]
    private static partial Regex MarkedString();
}
