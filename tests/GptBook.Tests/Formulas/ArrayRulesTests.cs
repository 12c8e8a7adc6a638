using System.Text;
using System.Xml;
using System.Xml.Linq;
using GptBook.Fonts;
using GptBook.Fonts.MathTable;
using GptBook.Formulas;
using GptBook.Html.MathML;
using GptBook.Layout.Formulas;
using GptBook.Policies;
using GptBook.Tests.Fonts;

namespace GptBook.Tests.Formulas;

/// <summary>
/// array's rules (<c>|</c> in the column specification, <c>\hline</c> between rows): where the parser records them,
/// the rule boxes the layout draws for the PDF and the formula pictures, and the MathML attributes and cell classes
/// of the EPUB and the site.
/// </summary>
public class ArrayRulesTests
{
    private const double Tolerance = 1e-9;
    private static readonly MathTypesetter Typesetter = new(new MathFont(BundledFonts.Set), 10);
    private static readonly XNamespace M = MathMLWriter.Namespace;

    private static MathTable Table(string tex)
    {
        var formula = MathParser.Parse(tex, true, MathMacroTable.Empty);
        Assert.True(formula.Errors.Count == 0, string.Join("; ", formula.Errors.Select(e => e.Message)));
        return formula.Root.DescendantsAndSelf().OfType<MathTable>().First();
    }

    private static double C(MathConstant constant) => BundledFonts.Set.Font(FontRole.TeXMath).MathTable!.Constant(constant) / 1000.0;

    private static List<(MathBox Box, double X, double Shift)> Leaves(MathBox box, double x = 0, double shift = 0)
    {
        if (box is StretchedBox stretched) return Leaves(stretched.Drawn, x, shift);
        if (box is not GroupBox group) return [(box, x, shift)];
        return group.Children.SelectMany(c => Leaves(c.Box, x + c.X, shift + c.Shift)).ToList();
    }

    [Theory]
    [InlineData(@"\begin{array}{c|c} a & b \end{array}", new[] { 1 })]
    [InlineData(@"\begin{array}{|l||c|r|} a & b & c \end{array}", new[] { 0, 1, 2, 3 })]
    [InlineData(@"\begin{array}{|p{2cm}@{,}c} a & b \end{array}", new[] { 0 })]
    [InlineData(@"\begin{array}{lcr} a & b & c \end{array}", new int[0])]
    public void Vertical_rules_are_recorded_at_the_column_boundaries_where_they_are_written(string tex, int[] rules)
    {
        Assert.Equal(rules, Table(tex).ColumnRules);
    }

    [Theory]
    [InlineData(@"\begin{array}{cc} \hline a & b \\ \hline c & d \\ \hline \end{array}", 2, new[] { 0, 1, 2 })]
    [InlineData(@"\begin{array}{cc} \hline\hline a & b \\ c & d \end{array}", 2, new[] { 0 })]
    [InlineData(@"\begin{array}{cc} a & b \\[2ex] \hline c & d \\ e & f \end{array}", 3, new[] { 1 })]
    [InlineData(@"\begin{array}{cc} a & b \\ c & d \end{array}", 2, new int[0])]
    [InlineData(@"\begin{matrix} a \\ \hline b \end{matrix}", 2, new[] { 1 })]
    public void Horizontal_rules_are_recorded_at_the_row_boundaries_where_they_are_written(string tex, int rows, int[] rules)
    {
        var table = Table(tex);
        Assert.Equal(rows, table.Rows.Count);
        Assert.Equal(rules, table.RowRules);
    }

    [Fact]
    public void A_rule_does_not_take_the_space_after_its_row()
    {
        var table = Table(@"\begin{array}{cc} a & b \\[2ex] \hline c & d \end{array}");
        Assert.Equal((2.0, MathLengthUnit.XHeight), (table.Rows[0].SpaceBelow?.Value, table.Rows[0].SpaceBelow?.Unit));
    }

    [Fact]
    public void Rules_are_fraction_bar_thick_boxes_around_padded_columns_spanning_the_table()
    {
        var box = Typesetter.Typeset(Table(@"\begin{array}{|c|c|} \hline x & x \\ \hline x & x \\ \hline \end{array}"), MathStyleState.Display);
        var t = C(MathConstant.FractionRuleThickness);
        var leaves = Leaves(box);
        var glyphs = leaves.Where(l => l.Box is GlyphBox).ToList();
        var w = glyphs[0].Box.Width;
        var total = box.Height + box.Depth;
        Assert.Equal(2 * 1.2 + 3 * t, total, Tolerance); // two strut rows (0.84 + 0.36) and three rules
        Assert.Equal(C(MathConstant.AxisHeight), (box.Height - box.Depth) / 2, Tolerance);

        // Columns: \arraycolsep (0.5 em) between each rule and the column beside it.
        var x0 = t + 0.5;
        var x1 = x0 + w + 0.5 + t + 0.5;
        Assert.Equal(4, glyphs.Count);
        for (var i = 0; i < 4; i++) Assert.Equal(i % 2 == 0 ? x0 : x1, glyphs[i].X, Tolerance);
        var width = x1 + w + 0.5 + t;
        Assert.Equal(width, box.Width, Tolerance);

        var vertical = leaves.Where(l => l.Box is RuleBox r && r.Height > t).OrderBy(l => l.X).ToList();
        Assert.Equal(3, vertical.Count);
        Assert.All(vertical, v => Assert.Equal((t, total, 0.0, -box.Depth), (v.Box.Width, v.Box.Height, v.Box.Depth, v.Shift)));
        Assert.Equal(0, vertical[0].X, Tolerance);
        Assert.Equal(x0 + w + 0.5, vertical[1].X, Tolerance);
        Assert.Equal(width - t, vertical[2].X, Tolerance);

        var horizontal = leaves.Where(l => l.Box is RuleBox r && r.Height == t && r.Width > t).OrderByDescending(l => l.Shift).ToList();
        Assert.Equal(3, horizontal.Count);
        Assert.All(horizontal, h => Assert.Equal((0.0, width, 0.0), (h.X, h.Box.Width, h.Box.Depth)));
        var top = box.Height;
        Assert.Equal(top - t, horizontal[0].Shift, Tolerance);
        Assert.Equal(top - t - 0.84, glyphs[0].Shift, Tolerance);
        Assert.Equal(top - t - 1.2 - t, horizontal[1].Shift, Tolerance);
        Assert.Equal(top - 2 * t - 1.2 - 0.84, glyphs[2].Shift, Tolerance);
        Assert.Equal(-box.Depth, horizontal[2].Shift, Tolerance);
    }

    [Fact]
    public void An_array_without_rules_is_set_as_a_matrix_with_no_rule_and_no_edge_padding()
    {
        var array = Leaves(Typesetter.Typeset(Table(@"\begin{array}{cc} x & y \\ z & w \end{array}"), MathStyleState.Display));
        var matrix = Leaves(Typesetter.Typeset(Table(@"\begin{matrix} x & y \\ z & w \end{matrix}"), MathStyleState.Display));
        Assert.DoesNotContain(array, l => l.Box is RuleBox);
        Assert.Equal(matrix.Select(l => (l.X, l.Shift)), array.Select(l => (l.X, l.Shift)));
        Assert.Equal(0, array.Min(l => l.X));
    }

    private static XElement MathML(string tex)
    {
        var formula = MathParser.Parse(tex, true, MathMacroTable.Empty);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
            MathMLWriter.Write(xml, formula, true);
        var math = XElement.Parse(text.ToString());
        Assert.All(math.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration),
            a => Assert.Contains(a.Name.LocalName, MathMLAllowList.Attributes));
        return math;
    }

    private static List<List<string?>> CellClasses(XElement math) =>
        math.Descendants(M + "mtr").Select(r => r.Elements(M + "mtd").Select(d => (string?)d.Attribute("class")).ToList()).ToList();

    [Fact]
    public void MathML_tables_carry_the_rules_as_columnlines_and_rowlines_and_as_cell_borders()
    {
        var math = MathML(@"\begin{array}{|c|cc} \hline a & b & c \\ d & e & f \\ \hline \end{array}");
        var table = math.Descendants(M + "mtable").Single();
        Assert.Equal(("solid none", null, null), ((string?)table.Attribute("columnlines"), (string?)table.Attribute("rowlines"), (string?)table.Attribute("frame")));
        Assert.Equal(
            [["rule-left rule-right rule-top", "rule-top", "rule-top"], ["rule-left rule-right rule-bottom", "rule-bottom", "rule-bottom"]],
            CellClasses(math));
    }

    [Fact]
    public void A_table_ruled_on_all_four_edges_is_framed()
    {
        var table = MathML(@"\begin{array}{|c|c|} \hline a & b \\ \hline c & d \\ \hline \end{array}").Descendants(M + "mtable").Single();
        Assert.Equal(("solid", "solid", "solid"), ((string?)table.Attribute("columnlines"), (string?)table.Attribute("rowlines"), (string?)table.Attribute("frame")));
    }

    [Fact]
    public void A_table_without_rules_has_no_rule_attributes_or_classes()
    {
        var math = MathML(@"\begin{array}{cc} a & b \\ c & d \end{array}");
        var table = math.Descendants(M + "mtable").Single();
        Assert.Equal(["columnspacing"], table.Attributes().Select(a => a.Name.LocalName));
        Assert.All(CellClasses(math).SelectMany(r => r), Assert.Null);
    }

    [Fact]
    public void The_stylesheets_draw_each_rule_class_as_a_border()
    {
        foreach (var side in new[] { "left", "right", "top", "bottom" })
            Assert.Contains($"mtd.rule-{side} {{ border-{side}: 1px solid currentColor; }}", GptBook.Html.FormulaStyles.Css, StringComparison.Ordinal);
    }
}
