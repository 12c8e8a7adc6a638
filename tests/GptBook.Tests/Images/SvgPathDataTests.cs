using GptBook.Images.Vector;

namespace GptBook.Tests.Images;

/// <summary>Path data as editors and hand-written SVG spell it.</summary>
public sealed class SvgPathDataTests
{
    private static (double X, double Y) End(VectorPath path) => path.Points[^1];

    [Theory]
    [InlineData("M 10 20 H 30 V 40 L 0 0", 0, 0)]
    [InlineData("M10,20h20v20", 30, 40)]
    [InlineData("m10 20 5 5 5 5", 20, 30)] // a move's extra pairs are lines, relative to the last point
    [InlineData("M0,0l10-5.5.5.5", 10.5, -5)] // "-5.5.5.5" is -5.5, .5 and .5
    [InlineData("M 360 300 A 40 40 0 0 1 440 300", 440, 300)]
    [InlineData("M0 0a5 5 0 1 0 10 0", 10, 0)]
    [InlineData("M0 0 Q 10 10 20 0 T 40 0", 40, 0)]
    [InlineData("M0 0 C 0 10 10 10 10 0 S 20 -10 20 0", 20, 0)]
    public void Every_command_ends_where_svg_says(string d, double x, double y)
    {
        var (ex, ey) = End(SvgPathData.Parse(d));
        Assert.Equal(x, ex, 6);
        Assert.Equal(y, ey, 6);
    }

    [Fact]
    public void A_half_circle_arc_bulges_to_the_side_its_sweep_flag_says()
    {
        // From (360,300) to (440,300) with the sweep flag set, the arc passes above the chord (y is downwards).
        var path = SvgPathData.Parse("M 360 300 A 40 40 0 0 1 440 300");
        Assert.Equal(2, path.Verbs.Count(v => v == PathVerb.Cubic));
        Assert.True(path.Points.Min(p => p.Y) < 270, string.Join(" ", path.Points));
        var below = SvgPathData.Parse("M 360 300 A 40 40 0 0 0 440 300");
        Assert.True(below.Points.Max(p => p.Y) > 330);
    }

    [Fact]
    public void Reading_stops_at_an_error_and_keeps_what_came_before()
    {
        var path = SvgPathData.Parse("M 0 0 L 10 10 L 20 x 30 30");
        Assert.Equal([PathVerb.Move, PathVerb.Line], path.Verbs);
        Assert.True(SvgPathData.Parse("L 10 10").IsEmpty); // a path must start with a move
    }
}
