using System.Text;
using GptBook.Pdf;

namespace GptBook.Tests.Pdf;

/// <summary>
/// A page's content stream as PDFsharp writes it, with the writer's marks, completed on its bytes: positioned strings
/// become their arrays (glyph codes in order, across PDFsharp's line breaks), formula artifacts become marked content.
/// </summary>
public class ContentStreamRewriterTests
{
    private const char G = ContentStreamRewriter.Glyph;

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    [Fact]
    public void A_positioned_string_becomes_its_array_after_the_lines_PDFsharp_wrote_before_it_a_glyph_set_apart_from_a_number()
    {
        var content = Latin1("q\n% gptbook-tj 0\nBT\n/F1 10.5 Tf\n72 700 Td\n<0017001e\n0021> Tj\nET\nQ\n");
        var done = 0;
        var rewritten = ContentStreamRewriter.Rewrite(content, [($"[{G}-119{G}{G}] TJ", 3)], ref done);
        Assert.Equal(1, done);
        Assert.Equal("q\nBT\n/F1 10.5 Tf\n72 700 Td\n[<0017>-119 <001e0021>] TJ\nET\nQ\n", Encoding.Latin1.GetString(rewritten));
    }

    [Fact]
    public void A_size_change_names_the_font_PDFsharp_set_for_the_string()
    {
        var content = Latin1("% gptbook-tj 0\nBT\n/F2 8.4 Tf\n1 2 Td\n<00c300b9> Tj\nET\n");
        var done = 0;
        var array = $"[{G}] TJ\n{ContentStreamRewriter.FontName} 10.5 Tf\n3 -4 Td\n[{G}] TJ";
        var rewritten = ContentStreamRewriter.Rewrite(content, [(array, 2)], ref done);
        Assert.Equal("BT\n/F2 8.4 Tf\n1 2 Td\n[<00c3>] TJ\n/F2 10.5 Tf\n3 -4 Td\n[<00b9>] TJ\nET\n", Encoding.Latin1.GetString(rewritten));
    }

    [Fact]
    public void A_string_that_keeps_its_size_needs_no_font_set_in_its_own_stream()
    {
        // A page's later content stream may draw in the font an earlier one set: nothing to name, nothing to look for.
        var done = 0;
        var rewritten = ContentStreamRewriter.Rewrite(Latin1("% gptbook-tj 0\n1 0 0 1 72 700 Tm\n<00010002> Tj\n"), [($"[{G}-5{G}] TJ", 2)], ref done);
        Assert.Equal("1 0 0 1 72 700 Tm\n[<0001>-5 <0002>] TJ\n", Encoding.Latin1.GetString(rewritten));
        Assert.Throws<InvalidOperationException>(() =>
            ContentStreamRewriter.Rewrite(Latin1("% gptbook-tj 0\n<0001> Tj\n"), [($"{ContentStreamRewriter.FontName} 9 Tf\n[{G}] TJ", 1)], ref done));
    }

    [Fact]
    public void A_formula_artifact_becomes_its_marked_content_and_other_bytes_stay_as_they_were()
    {
        var content = Latin1("/Artifact BMC\n% gptbook-formula 7\nBT\n(\u00e9) Tj\nET\nEMC\n% gptbook-formula x\n");
        var done = 0;
        var rewritten = ContentStreamRewriter.Rewrite(content, [], ref done);
        Assert.Equal("/Formula<</MCID 7>>BDC\nBT\n(\u00e9) Tj\nET\nEMC\n% gptbook-formula x\n", Encoding.Latin1.GetString(rewritten));
        Assert.Equal(0, done);
    }

    [Fact]
    public void A_stream_without_marks_is_returned_as_it_is()
    {
        var content = Latin1("BT\n<0001> Tj\nET\n");
        var done = 0;
        Assert.Same(content, ContentStreamRewriter.Rewrite(content, [], ref done));
    }

    [Fact]
    public void A_string_with_another_number_of_glyphs_than_drawn_is_an_error_and_an_unmatched_mark_is_not_counted()
    {
        var done = 0;
        Assert.Throws<InvalidOperationException>(() =>
            ContentStreamRewriter.Rewrite(Latin1("% gptbook-tj 0\nBT\n<00010002> Tj\n"), [($"[{G}] TJ", 1)], ref done));
        // A comment line between the mark and the string: not a stretch PDFsharp drew, left for the count to report.
        var content = Latin1("% gptbook-tj 0\n% other\n<0001> Tj\n");
        var rewritten = ContentStreamRewriter.Rewrite(content, [($"[{G}] TJ", 1)], ref done);
        Assert.Equal(0, done);
        Assert.Equal(content, rewritten);
    }
}
