using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// What <see cref="XhtmlContentWriter"/> is handed: the chunked book (for resolving <c>#id</c> links across
/// chunks), the language's labels, the flavor of markup, how to show each image, and where to report problems.
/// <see cref="PageMap"/> says where the print edition's pages begin; the EPUB marks them (nothing by default).
/// <see cref="FormulaPictures"/>, when set, draws formulas as pictures instead of MathML (the EPUB for Kindle).
/// </summary>
public sealed record HtmlContentContext(
    ChunkedBook Book,
    LanguageLabels Labels,
    HtmlFlavor Flavor,
    Func<Model.ImageReference, HtmlImage> ResolveImage,
    DiagnosticBag Diagnostics)
{
    public PrintPageMap PageMap { get; init; } = PrintPageMap.None;

    public IFormulaPictures? FormulaPictures { get; init; }
}
