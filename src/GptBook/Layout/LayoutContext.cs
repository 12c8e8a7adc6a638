using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Layout.Formulas;
using GptBook.Layout.Text;
using System.Text;
using GptBook.Model;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Layout;

/// <summary>What the layout stage is handed: settings, text measuring and composing, the prepared images, and the
/// diagnostics list.</summary>
public sealed record LayoutContext(
    PdfOptions Options,
    ITextMeasurer Measurer,
    ILineComposer Composer,
    ImageCatalog Images,
    LanguageLabels Labels,
    DiagnosticBag Diagnostics)
{
    public LayoutStyle Style { get; } = LayoutStyle.From(Options);

    public PageGeometry Geometry { get; } = PageGeometry.From(Options);

    private readonly HashSet<int> _reportedMissing = [];
    // Which of this context's GB0303 reports names which character, for Adopt.
    private readonly Dictionary<Diagnostic, int> _missingReports = [];
    private FormulaSetter? _formulas;

    /// <summary>
    /// The formulas set so far, for the whole layout: a <see cref="Detached"/> context shares its parent's, so that a
    /// formula the book repeats is typeset once however the blocks are split between threads. Made when a book first
    /// has a formula (reading the math face).
    /// </summary>
    private Lazy<SetFormulaCaches> FormulaCaches { get; init; } =
        new(() => new SetFormulaCaches(FontsOf(Measurer)));

    /// <summary>
    /// A context for laying out part of the book on another thread: the same settings, measurer, composer, images,
    /// labels and set formulas, with its own diagnostics list, its own record of the characters reported missing and
    /// its own formula setter (which reports into that list). Its reports reach this context's list through <see cref="Adopt"/>.
    /// </summary>
    public LayoutContext Detached() => new(Options, Measurer, Composer, Images, Labels, new DiagnosticBag()) { FormulaCaches = FormulaCaches };

    /// <summary>
    /// Takes over <paramref name="reported"/>, findings of <paramref name="part"/> (a <see cref="Detached"/> context),
    /// in their order, as if they had been reported here: a character already reported missing here is not reported
    /// again, so that GB0303 names each character once, at its first place in the book, however the book was split.
    /// </summary>
    public void Adopt(LayoutContext part, IEnumerable<Diagnostic> reported)
    {
        foreach (var diagnostic in reported)
        {
            if (part._missingReports.TryGetValue(diagnostic, out var codePoint) && !_reportedMissing.Add(codePoint)) continue;
            Diagnostics.Add(diagnostic);
        }
    }

    /// <summary>
    /// Sets formulas with the bundled math face (the measurer's font set, or the bundled one when a test measures
    /// with a fake); made when a book first has a formula.
    /// </summary>
    public FormulaSetter Formulas => _formulas ??= new FormulaSetter(FormulaCaches.Value, Diagnostics);

    /// <summary>The faces formulas and emoji sequences are set with: the measurer's, or the bundled ones when a test measures with a fake.</summary>
    internal FontSet FontsForObjects() => FontsOf(Measurer);

    private static FontSet FontsOf(ITextMeasurer measurer) => (measurer as FontMetricsMeasurer)?.Fonts ?? FontSet.Bundled();

    /// <summary>
    /// Composes through <see cref="Composer"/>, reporting characters no bundled face has (GB0303, once each). Emoji
    /// sequences the emoji face draws as one glyph are set as that glyph (<see cref="OutlineGlyphObject"/>).
    /// </summary>
    public IReadOnlyList<ComposedLine> Compose(IReadOnlyList<StyledText> text, Length measure, Length firstLineIndent, SourceSpan span,
        TextAlignment alignment = TextAlignment.Justify)
    {
        var lines = Composer.Compose(OutlineGlyphObject.WithEmojiSequences(text, FontsForObjects), measure, firstLineIndent, alignment);
        CheckGlyphs(lines, span);
        return lines;
    }

    public IReadOnlyList<ComposedLine> ComposeCode(IReadOnlyList<StyledText> line, Length measure, SourceSpan span)
    {
        var lines = Composer.ComposeCode(OutlineGlyphObject.WithEmojiSequences(line, FontsForObjects), measure);
        CheckGlyphs(lines, span);
        return lines;
    }

    private void CheckGlyphs(IReadOnlyList<ComposedLine> lines, SourceSpan span)
    {
        foreach (var line in lines)
            foreach (var run in line.Runs)
                foreach (var rune in run.Text.EnumerateRunes())
                {
                    if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || Measurer.HasGlyph(run.Style.Font, rune.Value)) continue;
                    if (!_reportedMissing.Add(rune.Value)) continue;
                    var missing = new Diagnostic(DiagnosticCodes.GlyphMissing.Id, DiagnosticCodes.GlyphMissing.Severity,
                        $"U+{rune.Value:X4} '{rune}' is in none of the bundled fonts; it prints as an empty box", span);
                    _missingReports[missing] = rune.Value;
                    Diagnostics.Add(missing);
                }
    }

    /// <summary>The natural width of a single-line string (no breaking, no justification).</summary>
    public Length MeasureWidth(string text, TextStyle style)
    {
        double em = 0;
        foreach (var rune in text.EnumerateRunes())
            em += Advance(style.Font, rune.Value);
        return style.Size * em;
    }

    /// <summary>The advance of one character in em, falling back to the serif face where a face lacks the glyph
    /// (Han in the monospace face), as the writer draws it.</summary>
    public double Advance(FontRole font, int codePoint) => Measurer.Advance(Measurer.ResolveFace(font, codePoint), codePoint);
}
