using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.IO;
using GptBook.Loading;
using GptBook.Publishing;
using GptBook.Tests.Support;

namespace GptBook.Tests.Transaction;

/// <summary>The build fingerprint names the version of every package the outputs depend on, not only our own code.</summary>
public class CodeIdentityTests
{
    [Fact]
    public void The_code_identity_names_our_library_the_runtime_and_every_pinned_package_in_a_fixed_order()
    {
        var parts = CodeIdentity.Parts;

        Assert.StartsWith("GptBook.Core ", parts[0]);
        Assert.StartsWith(".NET ", parts[1]);
        Assert.Contains(parts, p => p.StartsWith("Markdig 1.6.0", StringComparison.Ordinal));
        Assert.Contains(parts, p => p.StartsWith("SixLabors.ImageSharp 2.1.13", StringComparison.Ordinal));
        Assert.Contains(parts, p => p.StartsWith("PdfSharp 6.2.4", StringComparison.Ordinal));
        Assert.Contains(parts, p => p.StartsWith("YamlDotNet ", StringComparison.Ordinal));
        Assert.Contains(parts, p => p.StartsWith("TextMateSharp ", StringComparison.Ordinal));
        Assert.DoesNotContain(parts, p => p.StartsWith("System.", StringComparison.Ordinal));
        var packages = parts.Skip(2).ToArray();
        Assert.Equal(packages.Order(StringComparer.Ordinal), packages);
    }

    [Fact]
    public void Another_version_of_one_package_gives_another_fingerprint()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.Write("book/content/fp.md", "# 指纹\n\n正文。\n");
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(file, diagnostics)!;
        var book = BookLoader.Load(options, diagnostics);
        string Fingerprint(IReadOnlyList<string> code) =>
            BuildFingerprint.Compute(options, book, OutputFormats.Epub, FontSet.Bundled().Directory, [], code: code);

        var now = Fingerprint(CodeIdentity.Parts);
        var markdig = CodeIdentity.Parts.Select(p => p.StartsWith("Markdig ", StringComparison.Ordinal) ? "Markdig 1.6.1" : p).ToArray();

        Assert.Equal(now, BuildFingerprint.Compute(options, book, OutputFormats.Epub, FontSet.Bundled().Directory, []));
        Assert.NotEqual(now, Fingerprint(markdig));
    }
}
