using GptBook.Tests.Support;

namespace GptBook.Tests.Cli;

/// <summary>
/// The native executable `dotnet cake` compiles ahead of time is what users run, while the other tests run the
/// library and the JIT-compiled CLI. Trimming can drop what only reflection reaches, and ahead-of-time code can take
/// other vector paths than the JIT, so each sample book is built by both and every output compared byte for byte:
/// the PDF (fonts, formulas and their tags, images), the EPUB, and the site with its WebP copies and web fonts.
/// </summary>
public class NativeCliTests
{
    [SkippableTheory]
    [InlineData("content/book.yml")]
    [InlineData("tests/books/math-sample/book.yml")]
    [InlineData("tests/books/real-world/book.yml")]
    [InlineData("tests/books/print-sample/book.yml")]
    public void The_native_executable_writes_the_same_bytes_as_the_jit_compiled_cli(string book)
    {
        RequireExecutable();
        using var jit = new TemporaryDirectory();
        using var native = new TemporaryDirectory();

        var jitRun = CliProcess.Run("build", book, "--output", jit.Path);
        var nativeRun = RunNative("build", book, "--output", native.Path);

        Assert.True(jitRun.ExitCode == 0, jitRun.StdErr);
        Assert.True(nativeRun.ExitCode == 0, nativeRun.StdErr);
        Assert.Equal(Diagnostics(jitRun.StdErr), Diagnostics(nativeRun.StdErr));
        var files = Outputs(jit.Path);
        Assert.Equal(files, Outputs(native.Path));
        Assert.Contains(files, f => f.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".epub", StringComparison.Ordinal));
        Assert.Contains(Path.Combine("site", "index.html"), files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(jit.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(native.Path, file))),
                $"{file} of {book} differs between the JIT-compiled CLI and the native executable");
    }

    [SkippableFact]
    public void The_native_executable_reports_bad_input_with_its_place_and_keeps_the_previous_outputs()
    {
        RequireExecutable();
        using var dir = new TemporaryDirectory();
        var previous = dir.Write("out/bad.pdf", "the previous build");
        var yml = dir.Write("book/content/book.yml", "id: broken\ntitle: [unclosed\nlanguage: zh-CN\n");
        var markdown = dir.Write("book/content/bad.md", "# 坏\n\n正文。\n\n![escape](../../outside.png)\n");

        var configuration = RunNative("build", yml, "--output", dir.Combine("out"));
        var content = RunNative("build", markdown, "--output", dir.Combine("out"));

        Assert.Equal(2, configuration.ExitCode);
        Assert.Matches(@"book\.yml:2:\d+: error GB0002", configuration.StdErr);
        Assert.Equal(1, content.ExitCode);
        Assert.Matches(@"content/bad\.md:5:\d+: error GB0005", content.StdErr);
        Assert.Equal("the previous build", File.ReadAllText(previous));
    }

    private static void RequireExecutable()
    {
        if (File.Exists(RepositoryPaths.NativeExecutable)) return;
        if (ExternalTool.ValidatorsRequired)
            throw new InvalidOperationException($"{RepositoryPaths.NativeExecutable} is missing: CI runs `dotnet cake` before the tests, which compiles it");
        Skip.If(true, "the native executable is built by `dotnet cake`");
    }

    private static CliProcess.Result RunNative(params string[] arguments) => CliProcess.RunExecutable(RepositoryPaths.NativeExecutable, arguments);

    /// <summary>The diagnostic lines, without the stage times.</summary>
    private static string[] Diagnostics(string stderr) =>
        stderr.Split('\n').Where(l => l.Contains(": warning GB", StringComparison.Ordinal) || l.Contains(": error GB", StringComparison.Ordinal)).ToArray();

    private static string[] Outputs(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".cache" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal).ToArray();
}
