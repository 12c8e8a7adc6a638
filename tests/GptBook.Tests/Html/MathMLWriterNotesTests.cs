using System.Text;
using System.Xml;
using System.Xml.Linq;
using GptBook.Formulas;
using GptBook.Html.MathML;
using GptBook.Policies;

namespace GptBook.Tests.Html;

/// <summary>
/// The MathML of the commands lecture notes use beyond issue 10's list (\boxed, \color, \xrightarrow, \substack),
/// parsed back: what MathML Core engines draw, and nothing outside the allow-list the site's guard enforces.
/// </summary>
public class MathMLWriterNotesTests
{
    private static readonly XNamespace M = MathMLWriter.Namespace;

    private static XElement Write(string tex, bool display = false)
    {
        var formula = MathParser.Parse(tex, display, MathMacroTable.Empty);
        Assert.False(formula.HasErrors, string.Join("; ", formula.Errors.Select(e => e.Message)));
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
            MathMLWriter.Write(xml, formula, display);
        var math = XElement.Parse(text.ToString());
        Assert.All(math.DescendantsAndSelf(), e => Assert.Contains(e.Name.LocalName, MathMLAllowList.Elements));
        Assert.All(math.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration),
            a => Assert.Contains(a.Name.LocalName, MathMLAllowList.Attributes));
        return math;
    }

    [Fact]
    public void Bmod_is_an_operator_with_a_binary_operators_space_on_both_sides()
    {
        var mod = Write(@"a \bmod b").Descendants(M + "mo").Single(e => e.Value == "mod");
        Assert.Equal(("infix", "0.222em", "0.222em"), ((string?)mod.Attribute("form"), (string?)mod.Attribute("lspace"), (string?)mod.Attribute("rspace")));
    }

    [Fact]
    public void Textbf_and_texttt_are_text_in_the_bold_and_monospace_variants()
    {
        var texts = Write(@"\textbf{注意} + \texttt{lr} + \text{b}").Descendants(M + "mtext").ToList();
        Assert.Equal([("注意", "bold"), ("lr", "monospace"), ("b", null)], texts.Select(t => (t.Value, (string?)t.Attribute("mathvariant"))));
    }

    [Fact]
    public void Bars_and_slashes_outside_left_and_right_keep_their_size()
    {
        var bars = Write(@"p \| q + |x| + \Vert y \Vert + a / b + \frac{1}{2} + a \mid b").Descendants(M + "mo")
            .Where(e => e.Value is "|" or "‖" or "/" or "∣").ToList();
        Assert.Equal(7, bars.Count);
        Assert.All(bars, bar => Assert.Equal("false", (string?)bar.Attribute("stretchy")));
    }

    [Fact]
    public void Multline_aligns_its_first_line_left_and_its_last_right()
    {
        var cells = Write(@"\begin{multline*} a + b \\ + c \\ + d \end{multline*}", display: true).Descendants(M + "mtd");
        Assert.Equal(["left", "center", "right"], cells.Select(c => (string?)c.Attribute("columnalign")));
    }

    [Fact]
    public void Boxed_is_a_row_the_stylesheets_frame()
    {
        var row = Write(@"\boxed{x=1}").Descendants(M + "mrow").Single(e => (string?)e.Attribute("class") == "boxed");
        Assert.Equal("x=1", row.Value);
    }

    [Fact]
    public void Colour_is_mathcolor_on_a_style_around_the_coloured_part()
    {
        var math = Write(@"a + \color{red}{b} + \textcolor{#00f}{c}");
        var styles = math.Descendants(M + "mstyle").ToList();
        Assert.Equal(["#ff0000", "#0000ff"], styles.Select(s => (string?)s.Attribute("mathcolor")));
        Assert.Equal("c", styles[1].Value);
        Assert.StartsWith("b", styles[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extensible_arrow_is_a_stretchy_operator_over_its_padded_label()
    {
        var over = Write(@"x \xrightarrow[k]{\text{SGD}} y").Descendants(M + "munderover").Single();
        var children = over.Elements().ToList();
        Assert.Equal(("mo", "→", "true"), (children[0].Name.LocalName, children[0].Value, (string?)children[0].Attribute("stretchy")));
        Assert.Equal("k", children[1].Value);
        Assert.Equal("SGD", children[2].Value);
        Assert.All(children.Skip(1), label => Assert.Equal(2, label.Elements(M + "mspace").Count()));
    }

    [Fact]
    public void Substack_is_a_one_column_table_under_the_sum()
    {
        var under = Write(@"\sum_{\substack{i<m\\j<n}} a_{ij}", display: true).Descendants(M + "munder").First();
        var table = under.Elements().ElementAt(1);
        Assert.Equal("mtable", table.Name.LocalName);
        Assert.Equal(2, table.Elements(M + "mtr").Count());
    }

    [Theory]
    [InlineData(@"\cancel{x}", "updiagonalstrike")]
    [InlineData(@"\bcancel{x}", "downdiagonalstrike")]
    [InlineData(@"\xcancel{x}", "updiagonalstrike downdiagonalstrike")]
    public void Cancel_is_menclose_with_its_strikes(string tex, string notation)
    {
        var enclose = Write(tex).Descendants(M + "menclose").Single();
        Assert.Equal(notation, (string?)enclose.Attribute("notation"));
        Assert.Equal("x", enclose.Value);
        // Chromium draws no menclose: the shared stylesheet rules give it the diagonals.
        Assert.Contains($"menclose[notation=\"{notation}\"]", GptBook.Html.FormulaStyles.Css, StringComparison.Ordinal);
    }

    [Fact]
    public void Space_after_a_row_is_a_strut_in_its_first_cell_as_deep_as_texs_strut_plus_the_length()
    {
        var math = Write(@"\begin{cases} \dfrac{1}{2}, & x > 0 \\[2ex] \dfrac{3}{4}, & x \le 0 \\[-1pt] 0, & x = 7 \\[4pt] 1 & y \end{cases}", display: true);
        var rows = math.Descendants(M + "mtr").ToList();
        Assert.Equal(4, rows.Count);
        string? Strut(XElement row) => row.Elements(M + "mtd").First().Elements(M + "mspace").SingleOrDefault()?.Attribute("depth")?.Value;
        Assert.Equal("1.398em", Strut(rows[0])); // 0.36 em + 2 × 0.519 em
        Assert.Null(Strut(rows[1])); // nothing in MathML Core pulls a row up
        Assert.Equal("0.76em", Strut(rows[2])); // 0.36 em + 4 pt at 10 pt to the em
        Assert.Null(Strut(rows[3]));
        Assert.All(rows, r => Assert.DoesNotContain(r.Elements(M + "mtd").Skip(1), c => c.Elements(M + "mspace").Any()));
    }

    [Fact]
    public void The_ex_of_the_mathml_strut_is_the_bundled_math_faces()
    {
        Assert.Equal(new GptBook.Layout.Formulas.MathFont(GptBook.Tests.Fonts.BundledFonts.Set).XHeight, MathMLRowSpacing.XHeight, 9);
    }
}
