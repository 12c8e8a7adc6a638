using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Layout.Text;
using GptBook.Model;

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
