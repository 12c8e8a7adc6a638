using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Tests;

public class DiagnosticBagTests
{
    [Fact]
    public void The_same_finding_at_the_same_place_is_kept_once()
    {
        var bag = new DiagnosticBag();
        var at = new SourceSpan("a.md", 3, 5);
        bag.Report(DiagnosticCodes.UnsafeLinkDropped, at, "written as text");
        bag.Report(DiagnosticCodes.UnsafeLinkDropped, at, "written as text");
        bag.Report(DiagnosticCodes.UnsafeLinkDropped, at with { Column = 6 }, "written as text");
        bag.Report(DiagnosticCodes.BrokenInternalLink, at, "written as text");
        Assert.Equal(["GB0111", "GB0404", "GB0404"], bag.Sorted().Select(d => d.Code));
    }

    [Fact]
    public void Different_findings_at_one_place_are_all_kept()
    {
        var bag = new DiagnosticBag();
        bag.Report(DiagnosticCodes.BookYamlInvalid, new SourceSpan("book.yml", 1, 1), "'id' is required");
        bag.Report(DiagnosticCodes.BookYamlInvalid, new SourceSpan("book.yml", 1, 1), "'language' is required");
        bag.Report(DiagnosticCodes.ImageNotEmbedded, SourceSpan.None, "a.png: broken");
        bag.Report(DiagnosticCodes.ImageNotEmbedded, SourceSpan.None, "b.png: broken");
        Assert.Equal(4, bag.Items.Count);
    }
}
