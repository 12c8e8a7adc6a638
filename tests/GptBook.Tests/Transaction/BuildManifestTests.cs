using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Publishing;
using GptBook.Tests.Support;

namespace GptBook.Tests.Transaction;

/// <summary>The manifest's bytes do not depend on the order in which the stages' threads reported their findings.</summary>
public class BuildManifestTests
{
    [Fact]
    public void Diagnostics_reported_in_any_order_give_the_same_manifest_bytes()
    {
        Diagnostic[] reported =
        [
            new("GB0303", DiagnosticSeverity.Warning, "U+E000 is in none of the bundled fonts", new SourceSpan("content/b.md", 9, 2)),
            new("GB0404", DiagnosticSeverity.Warning, "link written as text", new SourceSpan("content/a.md", 3, 7)),
            new("GB0503", DiagnosticSeverity.Info, "download not offered", new SourceSpan("out/site", 0, 0)),
            new("GB0402", DiagnosticSeverity.Warning, "no prepared version", new SourceSpan("content/a.md", 3, 1)),
        ];
        var outputs = new Dictionary<string, string> { ["book.epub"] = "aa", ["book.pdf"] = "bb" };
        using var dir = new TemporaryDirectory();

        byte[] Written(IEnumerable<Diagnostic> order, string folder)
        {
            new BuildManifest("fingerprint", outputs, order.ToArray(), 12).Write(dir.Combine(folder));
            return File.ReadAllBytes(BuildManifest.PathIn(dir.Combine(folder)));
        }

        var forward = Written(reported, "forward");
        Assert.Equal(forward, Written(reported.Reverse(), "reverse"));
        Assert.Equal(forward, Written([reported[2], reported[0], reported[3], reported[1]], "shuffled"));
        var read = BuildManifest.Read(dir.Combine("reverse"))!;
        Assert.Equal(["GB0402", "GB0404", "GB0303", "GB0503"], read.Diagnostics.Select(d => d.Code));
    }
}
