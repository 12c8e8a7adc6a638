using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Tests;

public class DiagnosticBagTests
{
    [Fact]
    public void A_finding_at_the_same_code_and_position_is_kept_once_with_the_first_message_in_order()
    {
        var bag = new DiagnosticBag();
        var at = new SourceSpan("a.md", 3, 5);
        bag.Report(DiagnosticCodes.UnsafeLinkDropped, at, "site: b");
        bag.Report(DiagnosticCodes.UnsafeLinkDropped, at, "epub: a");
        bag.Report(DiagnosticCodes.UnsafeLinkDropped, at with { Column = 6 }, "epub: a");
        bag.Report(DiagnosticCodes.BrokenInternalLink, at, "other code");
        Assert.Equal(["other code", "epub: a", "epub: a"], bag.Sorted().Select(d => d.Message));
    }

    [Fact]
    public void Findings_without_a_line_are_kept_once_per_message()
    {
        var bag = new DiagnosticBag();
        bag.Report(DiagnosticCodes.ImageNotEmbedded, SourceSpan.None, "a.png: broken");
        bag.Report(DiagnosticCodes.ImageNotEmbedded, SourceSpan.None, "b.png: broken");
        bag.Report(DiagnosticCodes.ImageNotEmbedded, SourceSpan.None, "a.png: broken");
        Assert.Equal(2, bag.Items.Count);
    }
}
