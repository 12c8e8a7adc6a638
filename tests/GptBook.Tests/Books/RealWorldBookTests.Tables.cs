using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace GptBook.Tests.Books;

/// <summary>A pipe table with &lt;br&gt; in its cells, formulas in a narrow column and icons; Typora's highlights.</summary>
public partial class RealWorldBookTests
{
    [Fact]
    public void A_br_in_a_table_cell_starts_a_new_line_in_the_cell_in_the_pdf()
    {
        using var pdf = PdfDocument.Open(book.Book.PdfPath);
        var page = pdf.GetPages().Single(p => Joined(p).Contains("显存占用大", StringComparison.Ordinal));
        foreach (var (before, after) in new[] { ("精确计算", "显存占用大"), ("近似", "适合长序列") })
        {
            var first = LettersOf(page, before)[0];
            var second = LettersOf(page, after)[0];
            Assert.True(second.StartBaseLine.Y < first.StartBaseLine.Y - 5, $"'{after}' is on a line below '{before}'");
            Assert.InRange(second.StartBaseLine.X - first.StartBaseLine.X, -1, 1); // at the start of the same cell
        }
        // The EPUB keeps the break as <br/>.
        Assert.Contains(book.Named("td"), td => td.Value == "精确计算显存占用大" && td.Elements().Any(e => e.Name.LocalName == "br"));
    }

    [Fact]
    public void A_formula_or_an_icon_in_a_cell_widens_its_column_instead_of_breaking_in_the_pdf()
    {
        using var pdf = PdfDocument.Open(book.Book.PdfPath);
        var page = pdf.GetPages().Single(p => Joined(p).Contains("显存占用大", StringComparison.Ordinal));
        // n × d_k and d_k × d_v each on one line: their letters share the formula's baseline (the subscripts sit below it).
        foreach (var formula in new[] { "𝑛×𝑑𝑘", "𝑑𝑘×𝑑𝑣" })
        {
            var letters = LettersOf(page, formula);
            Assert.InRange(letters[^2].StartBaseLine.Y - letters[0].StartBaseLine.Y, -0.5, 0.5);
        }
        // The 16-pixel icon sits on the line of the text before it, after that text.
        var text = LettersOf(page, "标准注意力");
        var icon = Assert.Single(page.GetImages(), i => i.Bounds.Width < 20 && i.Bounds.Bottom < text[0].GlyphRectangle.Top + 2
                                                         && i.Bounds.Top > text[0].GlyphRectangle.Bottom - 2);
        Assert.True(icon.Bounds.Left > text[^1].GlyphRectangle.Right);
    }

    [Fact]
    public void An_icon_is_sized_in_ems_in_the_epub_and_the_site_not_as_a_share_of_its_table_cell()
    {
        var icons = book.Named("img").Where(i => (string?)i.Attribute("alt") == "Python").ToArray();
        Assert.Equal(2, icons.Length); // in a note (height="16") and in a table cell (width="16")
        Assert.All(icons, i => Assert.True(RealWorldBook.HasClass(i, "size-px16"), (string?)i.Attribute("class")));
        using var zip = System.IO.Compression.ZipFile.OpenRead(book.Book.EpubPath);
        var css = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".css", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains(".size-px16 { width: 1em;", css);
        var site = Directory.GetFiles(book.Book.SiteDirectory, "*.html").Select(File.ReadAllText).ToArray();
        Assert.Contains(site, p => System.Text.RegularExpressions.Regex.IsMatch(p, "<img [^>]*alt=\"Python\"[^>]* class=\"inline-image size-px16\""));
        Assert.Contains(".size-px16 { width: 1em;", File.ReadAllText(Path.Combine(book.Book.SiteDirectory, "site.css")));
    }

    [SkippableFact]
    public void Typora_highlights_are_marked_in_the_epub_and_bold_in_the_pdf_and_a_chinese_range_stays_text()
    {
        Assert.Equal(["高亮", "标记"], book.Named("mark").Select(m => m.Value));
        Assert.Contains(book.Named("p"), p => p.Value.Contains("训练需要 3~5 天，显存按 2^10 MB 计。", StringComparison.Ordinal));
        var text = PdfText();
        Assert.DoesNotContain("==", text);
        Assert.Contains("3~5 天", text);
        using var pdf = PdfDocument.Open(book.Book.PdfPath);
        var page = pdf.GetPages().Single(p => Joined(p).Contains("常用高亮标出", StringComparison.Ordinal));
        Assert.All(LettersOf(page, "高亮").Concat(LettersOf(page, "标记")), l => Assert.Contains("Bold", l.FontName, StringComparison.Ordinal));
        Assert.DoesNotContain("Bold", LettersOf(page, "常用")[0].FontName, StringComparison.Ordinal);
    }

    private static string Joined(Page page) => string.Concat(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.Value));

    /// <summary>The page's letters (blanks left out) that spell <paramref name="text"/>, the first such run.</summary>
    private static Letter[] LettersOf(Page page, string text) =>
        Spelling(page, text) ?? throw new Xunit.Sdk.XunitException($"'{text}' is not on page {page.Number}: {Joined(page)}");

    /// <summary>The first run of the page's letters (blanks left out) that spells <paramref name="text"/> (blanks left out), or null.</summary>
    private static Letter[]? Spelling(Page page, string text)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToArray();
        var wanted = text.Replace(" ", "", StringComparison.Ordinal);
        for (var i = 0; i < letters.Length; i++)
        {
            var spelled = "";
            var j = i;
            while (j < letters.Length && spelled.Length < wanted.Length && wanted.StartsWith(spelled + letters[j].Value, StringComparison.Ordinal))
                spelled += letters[j++].Value;
            if (spelled == wanted) return letters[i..j];
        }
        return null;
    }
}
