using System.Reflection;
using GptBook.Diagnostics;
using GptBook.Tests.Support;

namespace GptBook.Tests.Documentation;

/// <summary>The README is the user's reference: it must list every diagnostic the tool can report, as it is.</summary>
public class ReadmeTests
{
    [Fact]
    public void The_diagnostics_table_lists_every_code_with_its_severity()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticCode)f.GetValue(null)!).ToArray();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Length, codes.Select(c => c.Id).Distinct().Count());

        var missing = codes
            .Where(c => !readme.Any(line => line.StartsWith($"| {c.Id} | {c.Severity.ToString().ToLowerInvariant()} |", StringComparison.Ordinal)))
            .Select(c => $"{c.Id} ({c.Severity}, {c.Title})")
            .ToArray();
        Assert.True(missing.Length == 0, "README.md's diagnostics table lacks: " + string.Join(", ", missing));
    }
}
