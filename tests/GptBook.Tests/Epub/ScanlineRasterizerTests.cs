using GptBook.Epub.Cover;

namespace GptBook.Tests.Epub;

public class ScanlineRasterizerTests
{
    private const int Size = 20;

    private static float At(float[] coverage, int x, int y) => coverage[y * Size + x];

    [Fact]
    public void A_pixel_aligned_square_covers_exactly_its_pixels()
    {
        var r = new ScanlineRasterizer();
        r.AddRectangle(5, 5, 10, 10);
        var c = r.Rasterize(Size, Size);
        Assert.Equal(1f, At(c, 5, 5));
        Assert.Equal(1f, At(c, 14, 14));
        Assert.Equal(0f, At(c, 4, 5));
        Assert.Equal(0f, At(c, 15, 10));
        Assert.Equal(100f, c.Sum(), 3);
    }

    [Fact]
    public void Edges_between_pixels_are_antialiased_by_their_coverage()
    {
        var r = new ScanlineRasterizer();
        r.AddRectangle(2.5, 2.25, 5, 4);
        var c = r.Rasterize(Size, Size);
        Assert.Equal(0.5f, At(c, 2, 4), 3);  // half the pixel horizontally
        Assert.Equal(0.75f, At(c, 4, 2), 1); // three quarters vertically, to the sub-scanline resolution
        Assert.Equal(1f, At(c, 4, 4));
        Assert.Equal(20f, c.Sum(), 1);
    }

    [Fact]
    public void A_triangle_covers_its_area()
    {
        var r = new ScanlineRasterizer();
        r.MoveTo(0, 0);
        r.LineTo(16, 0);
        r.LineTo(0, 16);
        r.Close();
        Assert.Equal(128f, r.Rasterize(Size, Size).Sum(), 0);
    }

    [Fact]
    public void Nonzero_winding_fills_overlaps_once_and_leaves_counter_wound_holes_empty()
    {
        var overlap = new ScanlineRasterizer();
        overlap.AddRectangle(0, 0, 10, 10);
        overlap.AddRectangle(5, 5, 10, 10);
        var c = overlap.Rasterize(Size, Size);
        Assert.Equal(1f, At(c, 7, 7));
        Assert.Equal(175f, c.Sum(), 1);

        var ring = new ScanlineRasterizer();
        ring.AddRectangle(0, 0, 12, 12);
        // The inner square drawn the other way round: winding 0 inside, as a glyph's counter.
        ring.MoveTo(3, 3);
        ring.LineTo(3, 9);
        ring.LineTo(9, 9);
        ring.LineTo(9, 3);
        ring.Close();
        var h = ring.Rasterize(Size, Size);
        Assert.Equal(0f, At(h, 6, 6));
        Assert.Equal(1f, At(h, 1, 1));
        Assert.Equal(144f - 36f, h.Sum(), 1);
    }

    [Fact]
    public void Quadratic_curves_are_flattened_closely()
    {
        // The parabola y = x² / 16 from (0,0) to (16,16) (control point (8,0)), closed by its chord y = x:
        // the area between them is ∫(x − x²/16) dx over [0, 16] = 128 − 85.33 = 42.67. Flattened into 9 chords
        // (each within 0.05 px of the curve) it loses 42.67 / 9² ≈ 0.53 px², and never gains.
        var r = new ScanlineRasterizer();
        r.MoveTo(0, 0);
        r.QuadraticTo(8, 0, 16, 16);
        r.Close();
        var area = r.Rasterize(Size, Size).Sum();
        Assert.InRange(area, 128.0 / 3 - 0.6, 128.0 / 3);
    }

    [Fact]
    public void Paths_outside_the_canvas_are_clipped()
    {
        var r = new ScanlineRasterizer();
        r.AddRectangle(-10, -10, 15, 15);
        var c = r.Rasterize(Size, Size);
        Assert.Equal(25f, c.Sum(), 1);
    }
}
