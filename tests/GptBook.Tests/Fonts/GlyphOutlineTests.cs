using GptBook.Fonts;
using GptBook.Layout.Text;

namespace GptBook.Tests.Fonts;

public class GlyphOutlineTests
{
    [Fact]
    public void AHanGlyphHasClosedContoursInsideItsBoundingBox()
    {
        var font = BundledFonts.Set.Font(FontRole.SansBold);
        var outline = font.Outline('书');
        Assert.NotEqual(0, outline.GlyphId);
        Assert.Equal(1000, outline.AdvanceWidth);
        Assert.True(outline.Contours.Count >= 2);
        foreach (var point in outline.Contours.SelectMany(c => c.Points))
        {
            Assert.InRange(point.X, outline.XMin, outline.XMax);
            Assert.InRange(point.Y, outline.YMin, outline.YMax);
        }
        // The points reach the bounding box on every side (the box is computed from them).
        var all = outline.Contours.SelectMany(c => c.Points).Where(p => p.OnCurve).ToArray();
        Assert.Equal(outline.XMin, all.Min(p => p.X), 0);
        Assert.Equal(outline.YMax, all.Max(p => p.Y), 0);
    }

    [Fact]
    public void LatinLetterOHasAnOuterAndAnInnerContourWithCurves()
    {
        var outline = BundledFonts.Set.Font(FontRole.SerifRegular).Outline('O');
        Assert.Equal(2, outline.Contours.Count);
        Assert.Contains(outline.Contours[0].Points, p => !p.OnCurve);
    }

    [Fact]
    public void ASpaceHasNoContoursButAnAdvance()
    {
        var outline = BundledFonts.Set.Font(FontRole.SerifRegular).Outline(' ');
        Assert.Empty(outline.Contours);
        Assert.True(outline.AdvanceWidth > 0);
    }

    [Fact]
    public void CompositeGlyphsResolveToTheirComponentsContours()
    {
        // Accented Latin letters are composites in JetBrains Mono and the Noto faces: find one and check that
        // its contours include the base letter's, placed at the base's position.
        var font = BundledFonts.Set.Font(FontRole.Mono);
        var composite = font.Outline('é');
        var baseLetter = font.Outline('e');
        Assert.True(composite.Contours.Count > baseLetter.Contours.Count);
        var basePoints = baseLetter.Contours.SelectMany(c => c.Points).ToHashSet();
        Assert.Contains(composite.Contours, c => c.Points.All(basePoints.Contains));
    }
}
