using System.Text;
using GptBook.Fonts;
using GptBook.Images.Vector;
using GptBook.Layout;
using GptBook.Layout.Formulas;

namespace GptBook.Pdf;

/// <summary>
/// Every character the PDF will draw as text, by face, read from the finished layout before a page is drawn: the
/// runs of text, the glyphs of formulas that map to a character, the text of SVG figures and the names on image
/// placeholders. <see cref="SubsetFaces"/> serves PDFsharp only these, not the whole 10–30 MB faces. And every
/// glyph it fills from its outline instead (a formula's grown delimiters, an emoji sequence's ligature), whose
/// forms <see cref="GlyphOutlineFiller"/> draws before the pages.
/// </summary>
internal static class DrawnCharacters
{
    /// <summary>The face image placeholders name their file in (<see cref="PdfPageRenderer"/>).</summary>
    public const FontRole PlaceholderFace = FontRole.SerifRegular;

    public static (Dictionary<FontRole, HashSet<int>> Characters, SortedSet<(FontRole Face, int GlyphId)> Outlines) Collect(
        BookLayout layout, PreparedDrawings drawings)
    {
        var characters = new Dictionary<FontRole, HashSet<int>>();
        var outlines = new SortedSet<(FontRole Face, int GlyphId)>();
        void Add(FontRole face, string text)
        {
            if (!characters.TryGetValue(face, out var set)) characters[face] = set = [];
            foreach (var rune in text.EnumerateRunes()) set.Add(rune.Value);
        }
        foreach (var fragment in layout.Pages.SelectMany(p => p.Fragments))
        {
            switch (fragment)
            {
                case TextFragment t:
                    Add(t.Run.Style.Font, t.Run.Text);
                    break;
                case FormulaFragment f:
                    AddFormula(f.Box, Add, outlines);
                    break;
                case OutlineGlyphFragment g:
                    Add(g.Face, g.Text); // written invisibly for extraction (PdfPageRenderer)
                    outlines.Add((g.Face, g.GlyphId));
                    break;
                case ImageFragment i:
                    if (i.ImagePath != null && drawings.Get(i.ImagePath) is { } drawing)
                        foreach (var text in drawing.Items.OfType<VectorText>()) Add(text.Face, text.Text);
                    // Drawn only when the image cannot be, but known only then: take it along.
                    Add(PlaceholderFace, i.PlaceholderText ?? Path.GetFileName(i.ImagePath) ?? "");
                    break;
            }
        }
        return (characters, outlines);
    }

    private static void AddFormula(MathBox box, Action<FontRole, string> add, SortedSet<(FontRole, int)> outlines)
    {
        switch (box)
        {
            case GlyphBox g when g.Text.Length > 0:
                add(g.Face, g.Text);
                break;
            case GlyphBox g:
                outlines.Add((g.Face, g.GlyphId)); // a variant or an assembly's piece (FormulaRenderer)
                break;
            case StretchedBox s:
                add(FontRole.TeXMath, s.StandsFor); // written invisibly for extraction (FormulaRenderer)
                AddFormula(s.Drawn, add, outlines);
                break;
            case GroupBox group:
                for (var i = 0; i < group.Children.Count; i++) AddFormula(group.Children[i].Box, add, outlines); // no enumerator per group
                break;
        }
    }
}
