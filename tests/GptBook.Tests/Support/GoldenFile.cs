using System.Text;

namespace GptBook.Tests.Support;

/// <summary>
/// Compares text with a checked-in expected file under tests/GptBook.Tests/expected/. On a difference the test
/// fails with the first differing lines side by side. With GPTBOOK_UPDATE_GOLDEN=1 the expected file is rewritten
/// instead (then read the diff before committing it: the new output must be right, not just new).
/// </summary>
public static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("GPTBOOK_UPDATE_GOLDEN") == "1";

    public static void Verify(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Expected, relativePath);
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(path), $"expected file {path} is missing; run the tests with GPTBOOK_UPDATE_GOLDEN=1 to create it, then review it");
        var expected = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n");
        if (expected == actual) return;
        Assert.Fail($"output differs from {relativePath}:\n{Diff(expected, actual)}\n(set GPTBOOK_UPDATE_GOLDEN=1 to accept the new output after reviewing it)");
    }

    /// <summary>A small line diff: the differing region with a little context, "-" expected, "+" actual.</summary>
    public static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var prefix = 0;
        while (prefix < e.Length && prefix < a.Length && e[prefix] == a[prefix]) prefix++;
        var suffix = 0;
        while (suffix < e.Length - prefix && suffix < a.Length - prefix && e[^(suffix + 1)] == a[^(suffix + 1)]) suffix++;
        var sb = new StringBuilder();
        var from = Math.Max(0, prefix - 3);
        sb.Append($"@@ line {prefix + 1} @@\n");
        for (var i = from; i < prefix; i++) sb.Append("  ").Append(e[i]).Append('\n');
        for (var i = prefix; i < e.Length - suffix && i < prefix + 40; i++) sb.Append("- ").Append(e[i]).Append('\n');
        for (var i = prefix; i < a.Length - suffix && i < prefix + 40; i++) sb.Append("+ ").Append(a[i]).Append('\n');
        for (var i = a.Length - suffix; i < Math.Min(a.Length, a.Length - suffix + 3); i++) sb.Append("  ").Append(a[i]).Append('\n');
        return sb.ToString();
    }
}
