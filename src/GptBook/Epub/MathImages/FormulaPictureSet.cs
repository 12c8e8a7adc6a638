using System.Security.Cryptography;
using GptBook.Fonts;
using GptBook.Formulas;
using GptBook.Html;
using GptBook.Layout.Formulas;

namespace GptBook.Epub.MathImages;

/// <summary>
/// The EPUB's formulas as pictures (<c>epub.math: images</c>): each set by the PDF's math engine in its style
/// (display or text) and drawn as SVG (<see cref="FormulaSvgWriter"/>), stored once per distinct picture under a
/// name made from its bytes, so a formula used twice is one file and names stay the same from build to build.
/// Pictures are sized in em of the reader's text; a length written in absolute units (<c>\\[4pt]</c>) is converted at
/// <paramref name="pointsPerEm"/>, the book's body size in print, so the picture keeps the proportions of the PDF.
/// </summary>
internal sealed class FormulaPictureSet(FontSet fonts, double pointsPerEm) : IFormulaPictures
{
    private readonly MathTypesetter _typesetter = new(new MathFont(fonts), pointsPerEm);
    private readonly FormulaSvgWriter _writer = new(fonts);
    private readonly SortedDictionary<string, PackageItem> _items = new(StringComparer.Ordinal);

    /// <summary>The SVG files drawn so far, by name.</summary>
    public IReadOnlyCollection<PackageItem> Items => _items.Values;

    /// <summary>How many formulas were drawn (a formula written twice counts twice; its file is stored once).</summary>
    public int Formulas { get; private set; }

    public FormulaPicture Of(MathFormula formula)
    {
        Formulas++;
        return Add(_typesetter.Typeset(formula.Root, formula.Display ? MathStyleState.Display : MathStyleState.Text));
    }

    public IReadOnlyList<FormulaPicture> Rows(MathFormula formula)
    {
        var table = formula.NumberedTable ?? throw new ArgumentException("the formula has no numbered lines", nameof(formula));
        Formulas++;
        // Each line keeps the table's row height and depth (its strut) and the space its author put after it
        // (\\[2ex]; a negative one shortens the picture but never cuts into the ink), so the lines stand as in print.
        return _typesetter.TableRows(table, MathStyleState.Display)
            .Select(row => Add(new GroupBox([new PlacedBox(row.Box, 0, 0)], row.Box.Width, row.Height, Math.Max(row.Depth + row.SpaceBelow, row.Box.Depth))))
            .ToList();
    }

    private FormulaPicture Add(MathBox box)
    {
        var svg = _writer.Write(box);
        var hash = Convert.ToHexStringLower(SHA256.HashData(svg.Bytes))[..16];
        var href = EpubLayout.ImagesFolder + "math-" + hash + ".svg";
        _items.TryAdd(href, new PackageItem("math-" + hash, href, "image/svg+xml", null, svg.Bytes));
        return new FormulaPicture(href, svg.Width, svg.Height, svg.Depth);
    }
}
