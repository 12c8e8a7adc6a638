using System.Globalization;
using System.Text;
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
/// then has the Tj that follows each comment in the page's content stream replaced by that stretch's positioned array,
/// and the comment dropped (<see cref="ContentStreamRewriter"/>) (on another thread, put in place by <see cref="Complete"/>). Text drawn otherwise (in vector figures, placeholders) is left as PDFsharp wrote it.
/// </para>
/// </summary>
internal sealed class PositionedTextWriter(ITextMeasurer measurer)
{
    private static readonly XStringFormat BaseLineLeft = XStringFormats.BaseLineLeft;
    private readonly List<(string Array, int Glyphs)> _arrays = [];
    // The pages' content streams and their rewriting and deflating under way, in page order (Rewrite, Complete).
    private readonly List<(List<PdfDictionary> Streams, Task<byte[]?[]> Finished)> _pending = [];

    /// <summary>
    /// Draws fragments that share a style and baseline: glyph positions from each run's X and letter spacing,
    /// the source text as ActualText.
    /// </summary>
    public void ShowPositioned(XGraphics gfx, IReadOnlyList<TextFragment> stretch, XFont font, XBrush brush, double baseline)
    {
        var style = stretch[0].Run.Style;
        var size = style.Size.Points;
        var text = _text.Clear();
        var source = _source.Clear();
        // The array between its brackets: a placeholder per glyph (U+0001), the adjustment to the next glyph after
        // each, written as the glyphs are placed.
        var body = _body.Clear();
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
        gfx.DrawString(stretch.Count == 1 ? stretch[0].Run.Text : text.ToString(), font, brush, stretch[0].X.Points, baseline, BaseLineLeft);
        var array = AppendActualTextSpan(_array.Clear(), source).Append('[').Append(body).Append(Glyph).Append("] TJ\nEMC").ToString();
        _arrays.Add((array, glyphs));
    }

    // ShowPositioned's builders (_body also ShowGlyphs'), reused from stretch to stretch (a long book draws tens of
    // thousands of stretches, on the thread that every other thread waits for, and what it allocates the collector
    // copies while all wait).
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _source = new();
    private readonly StringBuilder _body = new();
    private readonly StringBuilder _array = new();

    /// <summary>A glyph of a formula to draw: its character, origin and font size, and its advance at that size, in points.</summary>
    public readonly record struct PlacedGlyph(string Text, double X, double Baseline, double Size, double Advance);

    /// <summary>
    /// Draws glyphs of one face (a formula's run: identifiers, operators, scripts, numerators, matrix cells, in the
    /// order the formula is drawn) with one PDFsharp string: each stretch of one size on one baseline is a positioned
    /// TJ array, each glyph at its own X (the difference from where the one before it ends put between them as an
    /// adjustment); a stretch at another size or baseline starts with a Tf of the face at its size and a Td to its
    /// start, and after the last stretch the first one's size and position are set back, where PDFsharp left them.
    /// The glyphs stay in drawing order in the content stream, so extraction reads them as before. No /ActualText
    /// span: each glyph is its character, and the formula's structure element carries its source as /Alt. A single
    /// glyph is an ordinary string. <paramref name="characters"/> is the glyphs' text in order (the caller chose the
    /// font by it).
    /// </summary>
    public void ShowGlyphs(XGraphics gfx, IReadOnlyList<PlacedGlyph> glyphs, string characters, XFont font, XBrush brush)
    {
        var first = glyphs[0];
        if (glyphs.Count == 1)
        {
            gfx.DrawString(first.Text, font, brush, first.X, first.Baseline, BaseLineLeft);
            return;
        }
        var body = _body.Clear().Append('[');
        for (var i = 0; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            if (i > 0)
            {
                var previous = glyphs[i - 1];
                if (glyph.Size != previous.Size || glyph.Baseline != previous.Baseline)
                {
                    // A new stretch: Td moves from the start of the stretch before (PDF space, y upwards).
                    var start = StretchStart(glyphs, i - 1);
                    body.Append("] TJ\n");
                    if (glyph.Size != previous.Size) SetSize(body, glyph.Size);
                    Move(body, glyph.X - start.X, start.Baseline - glyph.Baseline).Append('[');
                }
                else
                {
                    var adjustment = (glyph.X - previous.X - previous.Advance) / glyph.Size * -1000;
                    if (Math.Abs(adjustment) >= 0.05) DecimalText.Append(body, Math.Round(adjustment, 1), 1);
                }
            }
            body.Append(Glyph);
        }
        body.Append("] TJ");
        var last = StretchStart(glyphs, glyphs.Count - 1);
        if (last.Size != first.Size) SetSize(body.Append('\n'), first.Size);
        if (last.X != first.X || last.Baseline != first.Baseline) Move(body.Append('\n'), first.X - last.X, last.Baseline - first.Baseline);
        gfx.WriteComment(Marker + _arrays.Count.ToString(CultureInfo.InvariantCulture));
        gfx.DrawString(characters, font, brush, first.X, first.Baseline, BaseLineLeft);
        _arrays.Add((body.ToString(), glyphs.Count));
    }

    /// <summary>The first glyph of the stretch (one size, one baseline) that the glyph at <paramref name="index"/> is in.</summary>
    private static PlacedGlyph StretchStart(IReadOnlyList<PlacedGlyph> glyphs, int index)
    {
        while (index > 0 && glyphs[index - 1].Size == glyphs[index].Size && glyphs[index - 1].Baseline == glyphs[index].Baseline) index--;
        return glyphs[index];
    }

    /// <summary>A Tf of the string's font at <paramref name="size"/>; the font's resource name is filled in by <see cref="Rewrite"/>.</summary>
    private static void SetSize(StringBuilder body, double size) =>
        DecimalText.Append(body.Append(FontName).Append(' '), Math.Round(size, 3), 3).Append(" Tf\n");

    private static StringBuilder Move(StringBuilder body, double dx, double dy) =>
        DecimalText.Append(DecimalText.Append(body, dx, 4).Append(' '), dy, 4).Append(" Td\n");

    /// <summary>
    /// Writes <paramref name="text"/> invisibly (text rendering mode 3) in an /ActualText span of the same text: the
    /// character that a glyph drawn as outlines stands for, so that extraction, search and copying find it there.
    /// </summary>
    public void ShowInvisible(XGraphics gfx, string text, XFont font, XBrush brush, double x, double baseline) =>
        ShowInvisible(gfx, text, font, brush, x, baseline, null);

    /// <summary>
    /// As <see cref="ShowInvisible(XGraphics, string, XFont, XBrush, double, double)"/>, with the characters scaled
    /// horizontally (Tz) to span <paramref name="fit"/>'s width in points (measured in its face): a sequence of
    /// several characters drawn as one glyph (🧑‍💻) then covers that glyph's place and no more, and extraction does
    /// not take the text after it for a new line.
    /// </summary>
    public void ShowInvisible(XGraphics gfx, string text, XFont font, XBrush brush, double x, double baseline, (FontRole Face, double Width)? fit)
    {
        gfx.WriteComment(Marker + _arrays.Count.ToString(CultureInfo.InvariantCulture));
        gfx.DrawString(text, font, brush, x, baseline, BaseLineLeft);
        var sb = ActualTextSpan(text).Append("3 Tr\n");
        var natural = 0.0;
        var glyphs = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (fit is { } f) natural += measurer.Advance(f.Face, rune.Value) * font.Size;
            glyphs++;
        }
        // The text state's horizontal scaling outlives the text object: set back to 100 after.
        double? scale = fit is { } target && natural > 0 && Math.Abs(target.Width - natural) > 0.01 ? 100 * target.Width / natural : null;
        if (scale is { } percent) sb.Append(percent.ToString("0.###", CultureInfo.InvariantCulture)).Append(" Tz\n");
        sb.Append('[').Append(Glyph, glyphs).Append("] TJ\n");
        if (scale is not null) sb.Append("100 Tz\n");
        _arrays.Add((sb.Append("0 Tr\nEMC").ToString(), glyphs));
    }

    private const char Glyph = ContentStreamRewriter.Glyph;

    private const char FontName = ContentStreamRewriter.FontName;

    /// <summary>The opening of a marked-content span whose /ActualText is <paramref name="source"/>.</summary>
    private static StringBuilder ActualTextSpan(string source) => AppendActualTextSpan(new StringBuilder(), new StringBuilder(source));

    /// <summary>
    /// Appends to <paramref name="sb"/> the opening of a marked-content span whose /ActualText is <paramref name="source"/>:
    /// its UTF-16BE code units in hexadecimal, as <c>Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(…))</c>
    /// writes them (a lone surrogate as U+FFFD), without making that string or its bytes.
    /// </summary>
    private static StringBuilder AppendActualTextSpan(StringBuilder sb, StringBuilder source)
    {
        sb.Append("/Span<</ActualText<FEFF");
        Span<char> hex = stackalloc char[4];
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                AppendHex(sb, hex, c);
                c = source[++i];
            }
            else if (char.IsSurrogate(c)) c = '\uFFFD';
            AppendHex(sb, hex, c);
        }
        return sb.Append(">>>BDC\n");
    }

    private static void AppendHex(StringBuilder sb, Span<char> hex, char c)
    {
        ((int)c).TryFormat(hex, out _, "X4", CultureInfo.InvariantCulture);
        sb.Append(hex);
    }

    private const string Marker = ContentStreamRewriter.Marker;

    /// <summary>
    /// Rewrites the page's content streams, once its graphics are closed: each positioned stretch's Tj becomes its
    /// TJ array, and, when <paramref name="formulas"/> says the page may have some, each formula's artifact opening with
    /// its mark (<see cref="FormulaStructureTagger"/>) becomes the formula's marked content. The streams are then
    /// deflated as <see cref="PdfStreamFinisher"/> would deflate them before the save. The rewriting and deflating
    /// (matching the page's bytes and compressing them, <see cref="ContentStreamRewriter"/>) run on another core while the next pages are
    /// drawn, and the page's uncompressed text is dropped as soon as it is done instead of being kept to the save
    /// (less for the garbage collector to copy while the rest is drawn); <see cref="Complete"/> puts the pages' new
    /// streams in place, in page order, before anything reads them.
    /// </summary>
    public void Rewrite(PdfPage page, bool formulas)
    {
        if (_arrays.Count == 0 && !formulas) return;
        var arrays = _arrays.ToArray();
        _arrays.Clear();
        var streams = new List<PdfDictionary>();
        foreach (var item in page.Contents.Elements)
            if ((item as PdfReference)?.Value is PdfDictionary { Stream: not null } content) streams.Add(content);
        var contents = streams.Select(content => content.Stream.Value).ToArray();
        _pending.Add((streams, Task.Run(() => Deflated(Rewritten(contents, arrays)))));
    }

    /// <summary>
    /// Waits for every page's <see cref="Rewrite"/> and sets the rewritten, deflated streams, page by page. Returns
    /// the content streams set so: complete zlib streams already, which <see cref="PdfStreamFinisher.BeforeSave"/>
    /// leaves as they are.
    /// </summary>
    public IReadOnlySet<PdfDictionary> Complete()
    {
        var deflated = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        foreach (var (streams, finishing) in _pending)
        {
            var finished = finishing.GetAwaiter().GetResult();
            for (var i = 0; i < streams.Count; i++)
                if (finished[i] is { } bytes)
                {
                    PdfStreamFinisher.SetFlate(streams[i], bytes);
                    deflated.Add(streams[i]);
                }
        }
        _pending.Clear();
        return deflated;
    }

    /// <summary>Each content stream deflated (<see cref="ZlibStreams.Deflate"/>); null for an empty one, which stays unfiltered.</summary>
    private static byte[]?[] Deflated(byte[][] contents) =>
        contents.Select(content => content.Length > 0 ? ZlibStreams.Deflate(content) : null).ToArray();

    /// <summary>A page's content streams with their marks completed (<see cref="ContentStreamRewriter"/>), every positioned string found.</summary>
    private static byte[][] Rewritten(byte[][] contents, (string Array, int Glyphs)[] arrays)
    {
        var done = 0;
        var result = contents.Select(content => ContentStreamRewriter.Rewrite(content, arrays, ref done)).ToArray();
        if (done != arrays.Length) throw new InvalidOperationException($"{arrays.Length} positioned strings were drawn but {done} were found on the page");
        return result;
    }
}
