using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GptBook.Epub.MathImages;
using GptBook.Fonts;
using GptBook.Formulas;
using GptBook.Layout.Formulas;
using GptBook.Tests.Fonts;

namespace GptBook.Tests.Epub;

/// <summary>
/// Formula pictures for readers without MathML: the PDF's math layout drawn as SVG made of paths and rectangles
/// only, sized in em, with the baseline where the picture's depth says, no glyph clipped, the same bytes each time.
/// </summary>
public partial class FormulaSvgWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly MathTypesetter Typesetter = new(new MathFont(BundledFonts.Set), 10);

    private static MathBox Set(string tex, bool display) =>
        Typesetter.Typeset(MathParser.Parse(tex, display, MathMacroTable.Empty).Root, display ? MathStyleState.Display : MathStyleState.Text);

    private const string Rich = @"\left( \frac{\sqrt[3]{x^2+1}}{\sum_{i=1}^{n} y_i} \right) = \hat{\mathbf{H}}_t \text{（中文）} \int_0^1 f(x)\,dx";

    private static IEnumerable<MathBox> Leaves(MathBox box) => box switch
    {
        GroupBox g => g.Children.SelectMany(c => Leaves(c.Box)),
        StretchedBox s => Leaves(s.Drawn),
        _ => [box],
    };

    private static double Em(string value)
    {
        Assert.EndsWith("em", value, StringComparison.Ordinal);
        return double.Parse(value[..^2], CultureInfo.InvariantCulture);
    }

    private static double[] ViewBox(XElement svg) => ((string)svg.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Every_glyph_is_a_filled_path_and_every_bar_a_rectangle_and_there_is_nothing_else()
    {
        var box = Set(Rich, display: true);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(new FormulaSvgWriter(BundledFonts.Set).Write(box).Bytes)).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        // First the one style rule, then ink: no fill of their own, so the paths and bars take the root's, which the rule turns light in a dark scheme.
        Assert.Equal(FormulaSvgWriter.DarkSchemeStyle, svg.Elements().First(e => e.Name == Svg + "style").Value);
        Assert.Equal(Svg + "style", svg.Elements().First().Name);
        var elements = svg.Elements().Skip(1).ToArray();
        Assert.All(elements.SelectMany(e => e.DescendantsAndSelf()), e => Assert.True(e.Name.LocalName is "path" or "rect", e.Name.LocalName));
        Assert.Empty(elements.SelectMany(e => e.DescendantNodesAndSelf()).OfType<XText>());
        Assert.DoesNotContain(elements, e => e.Attribute("fill") is not null);
        Assert.DoesNotContain(svg.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "href");

        var leaves = Leaves(box).ToArray();
        var inked = leaves.OfType<GlyphBox>().Count(g => BundledFonts.Set.Font(g.Face).GlyphOutline(g.GlyphId).Contours.Count > 0);
        Assert.Equal(inked, elements.Count(e => e.Name.LocalName == "path"));
        Assert.Equal(leaves.OfType<RuleBox>().Count(), elements.Count(e => e.Name.LocalName == "rect"));
        Assert.Contains(leaves, l => l is GlyphBox { Face: not FontRole.TeXMath }); // the Chinese text is drawn too, from its own face
        Assert.True(leaves.OfType<RuleBox>().Count() >= 2); // the fraction bar and the radical's overbar
    }

    [Theory]
    [InlineData(@"x", false)]
    [InlineData(@"\frac{a}{b}", false)]
    [InlineData(@"\mathbf{H}_t^{(l)}", false)]
    [InlineData(@"\sum_{i=1}^{n} \left[ \frac{p_i}{q_i} \right]", true)]
    public void The_picture_is_the_formulas_box_in_em_with_the_baseline_at_its_depth(string tex, bool display)
    {
        var box = Set(tex, display);
        var picture = new FormulaSvgWriter(BundledFonts.Set).Write(box);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(picture.Bytes)).Root!;
        var view = ViewBox(svg);
        // The baseline is y = 0 of the drawing: the picture reaches its height above it and its depth below it.
        Assert.Equal(-picture.Height * 1000, view[1], 6);
        Assert.Equal((picture.Height + picture.Depth) * 1000, view[3], 6);
        Assert.Equal(picture.Width * 1000, view[2], 6);
        Assert.Equal(picture.Width, Em((string)svg.Attribute("width")!), 6);
        Assert.Equal(picture.Height + picture.Depth, Em((string)svg.Attribute("height")!), 6);
        // TeX's box, rounded outwards to a thousandth of an em; the glyphs' ink lies within the box vertically.
        Assert.InRange(picture.Height, box.Height, box.Height + 0.001);
        Assert.InRange(picture.Depth, box.Depth, box.Depth + 0.001);
        Assert.True(picture.Width >= box.Width - 1e-9, $"{picture.Width} < {box.Width}");
    }

    [Theory]
    [InlineData(@"f")]
    [InlineData(@"\!\!\!\!x\!\!\!\!\!\!\!\!")]
    [InlineData(Rich)]
    public void No_glyph_reaches_outside_the_picture(string tex)
    {
        var picture = new FormulaSvgWriter(BundledFonts.Set).Write(Set(tex, display: true));
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(picture.Bytes)).Root!;
        var view = ViewBox(svg);
        foreach (var path in svg.Elements(Svg + "path"))
        {
            var points = AbsolutePoints((string)path.Attribute("d")!);
            Assert.NotEmpty(points);
            foreach (var (x, y) in points)
            {
                Assert.InRange(x, view[0], view[0] + view[2]);
                Assert.InRange(y, view[1], view[1] + view[3]);
            }
        }
    }

    /// <summary>
    /// Every point of path data made of relative commands, one coordinate pair per m or l and two per q (the control
    /// point and the end, both from the segment's start), z going back to the contour's start; a first m from (0, 0).
    /// </summary>
    private static List<(double X, double Y)> AbsolutePoints(string data)
    {
        var tokens = PathToken().Matches(data).Select(m => m.Value).ToArray();
        var points = new List<(double X, double Y)>();
        double x = 0, y = 0, startX = 0, startY = 0;
        double Next(ref int i) => double.Parse(tokens[++i], CultureInfo.InvariantCulture);
        for (var i = 0; i < tokens.Length; i++)
        {
            switch (tokens[i])
            {
                case "m" or "l":
                    var (dx, dy) = (Next(ref i), Next(ref i));
                    (x, y) = (x + dx, y + dy);
                    if (tokens[i - 2] == "m") (startX, startY) = (x, y);
                    points.Add((x, y));
                    break;
                case "q":
                    var (cx, cy, ex, ey) = (Next(ref i), Next(ref i), Next(ref i), Next(ref i));
                    points.Add((x + cx, y + cy));
                    (x, y) = (x + ex, y + ey);
                    points.Add((x, y));
                    break;
                case "z":
                    (x, y) = (startX, startY);
                    break;
                default:
                    Assert.Fail($"unexpected '{tokens[i]}' in path data: only m, l, q and z with one number pair each are written");
                    break;
            }
        }
        return points;
    }

    [Fact]
    public void The_path_data_matches_the_glyph_outline_in_thousandths_of_an_em()
    {
        // One glyph at the origin: its outline's on-curve extremes are the path's, scaled to 1000 units per em.
        var glyph = Assert.IsType<GlyphBox>(Leaves(Set("x", display: false)).Single());
        var font = BundledFonts.Set.Font(glyph.Face);
        var (xMin, yMin, xMax, yMax) = font.GlyphBounds(glyph.GlyphId);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(new FormulaSvgWriter(BundledFonts.Set).Write(Set("x", false)).Bytes)).Root!;
        var points = AbsolutePoints((string)svg.Element(Svg + "path")!.Attribute("d")!);
        var perUnit = 1000.0 / font.UnitsPerEm;
        Assert.Equal(Math.Round(xMin * perUnit), points.Min(p => p.X), 0);
        Assert.Equal(Math.Round(xMax * perUnit), points.Max(p => p.X), 0);
        Assert.Equal(Math.Round(-yMax * perUnit), points.Min(p => p.Y), 0); // y downwards: the top is -height
        Assert.Equal(Math.Round(-yMin * perUnit), points.Max(p => p.Y), 0);
    }

    [Fact]
    public void Ink_pulled_outside_the_box_by_negative_space_widens_the_picture()
    {
        // \! before and after: the x starts left of the formula's origin and ends past its width.
        var box = Set(@"\!\!\!\!x\!\!\!\!\!\!\!\!", display: false);
        var picture = new FormulaSvgWriter(BundledFonts.Set).Write(box);
        var view = ViewBox(XDocument.Parse(System.Text.Encoding.UTF8.GetString(picture.Bytes)).Root!);
        Assert.True(view[0] < 0, $"the picture starts at {view[0]}");
        Assert.True(picture.Width > Math.Max(0, box.Width) + 0.3, $"{picture.Width} em wide for a box of {box.Width} em");
    }

    [Fact]
    public void The_same_formula_gives_the_same_bytes_from_a_new_writer()
    {
        var first = new FormulaSvgWriter(BundledFonts.Set).Write(Set(Rich, display: true)).Bytes;
        var second = new FormulaSvgWriter(BundledFonts.Set).Write(Set(Rich, display: true)).Bytes;
        Assert.Equal(first, second);
        Assert.NotEqual(first, new FormulaSvgWriter(BundledFonts.Set).Write(Set(Rich, display: false)).Bytes);
    }

    [Fact]
    public void A_broken_formula_is_its_source_in_a_dashed_frame()
    {
        var box = Set(@"\frac{a}{\undefinedcommand}", display: false);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(new FormulaSvgWriter(BundledFonts.Set).Write(box).Bytes)).Root!;
        var frame = Assert.Single(svg.Elements(Svg + "rect"), r => (string?)r.Attribute("stroke-dasharray") != null);
        Assert.Equal("none", (string?)frame.Attribute("fill"));
        Assert.True(svg.Elements(Svg + "path").Count() >= "\\frac{a}{\\undefinedcommand}".Length - 5); // the source's characters
    }

    [GeneratedRegex(@"[A-Za-z]|-?\d+(\.\d+)?")]
    private static partial Regex PathToken();

    [Fact]
    public void A_cancel_stroke_is_a_filled_band_within_the_picture()
    {
        var box = Set(@"\xcancel{ab}", display: false);
        var picture = new FormulaSvgWriter(BundledFonts.Set).Write(box);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(picture.Bytes)).Root!;
        var plain = XDocument.Parse(System.Text.Encoding.UTF8.GetString(new FormulaSvgWriter(BundledFonts.Set).Write(Set("ab", false)).Bytes)).Root!;
        // Two more paths than the term alone, no stroke attribute (they take the root's fill, like the glyphs).
        Assert.Equal(plain.Elements(Svg + "path").Count() + 2, svg.Elements(Svg + "path").Count());
        Assert.DoesNotContain(svg.Descendants().SelectMany(e => e.Attributes()), a => a.Name.LocalName is "stroke" or "fill");
        // The strokes reach a little beyond the term's corners, so the picture is a little larger than the term's.
        Assert.True(ViewBox(svg)[2] > ViewBox(plain)[2]);
    }
}
