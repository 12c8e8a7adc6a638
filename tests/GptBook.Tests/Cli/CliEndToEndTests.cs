using GptBook.Tests.Support;

namespace GptBook.Tests.Cli;

/// <summary>The real CLI, as a separate process, on the real article and on broken books.</summary>
public class CliEndToEndTests
{
    [Fact]
    public void Builds_all_three_formats_of_the_article_with_progress_and_located_warnings()
    {
        using var dir = new TemporaryDirectory();
        var result = CliProcess.Run("build", "content/book.yml", "--output", dir.Path);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.True(File.Exists(dir.Combine("gpt1-to-gpt4.epub")));
        Assert.True(File.Exists(dir.Combine("gpt1-to-gpt4.pdf")));
        Assert.True(File.Exists(dir.Combine("site", "index.html")));
        foreach (var stage in new[] { "configure", "load", "images", "epub", "pdf", "site" })
            Assert.Matches($@"(?m)^\s+{stage}\s+\d+ ms", result.StdErr);

        var todoLine = Array.FindIndex(File.ReadAllLines(Path.Combine(RepositoryPaths.Content, "gpt1-to-gpt4.md")), l => l.Contains("(@todo)")) + 1;
        Assert.Matches($@"content/gpt1-to-gpt4\.md:{todoLine}:\d+: warning GB0102", result.StdErr);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_outputs()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        Assert.Equal(0, CliProcess.Run("build", "content/book.yml", "--output", first.Path).ExitCode);
        Assert.Equal(0, CliProcess.Run("build", "content/book.yml", "--output", second.Path).ExitCode);

        var files = Directory.GetFiles(first.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".cache" + Path.DirectorySeparatorChar))
            .Select(f => Path.GetRelativePath(first.Path, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("gpt1-to-gpt4.pdf", files);
        Assert.Contains("gpt1-to-gpt4.epub", files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, file))),
                $"{file} differs between two builds of the same input");
    }

    [Fact]
    public void Strict_fails_on_the_articles_warnings_and_leaves_previous_outputs_in_place()
    {
        using var dir = new TemporaryDirectory();
        var previous = dir.Write("gpt1-to-gpt4.epub", "the previous build");

        var result = CliProcess.Run("build", "content/book.yml", "--output", dir.Path, "--strict");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--strict treats warnings as errors", result.StdErr);
        Assert.Equal("the previous build", File.ReadAllText(previous));
        Assert.False(File.Exists(dir.Combine("gpt1-to-gpt4.pdf")));
    }

    /// <summary>
    /// SOURCE_DATE_EPOCH past the year 9999 once made the PDF stage fail after the EPUB had been replaced; it is now
    /// refused before any stage runs, and every previous output keeps its bytes.
    /// </summary>
    [Fact]
    public void A_bad_source_date_epoch_is_a_configuration_error_that_leaves_every_output_byte_identical()
    {
        using var dir = new TemporaryDirectory();
        var book = dir.Write("book/content/short.md", "# 短文\n\n一段正文。\n");
        var output = dir.Combine("out");
        Assert.Equal(0, CliProcess.RunWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" }, "build", book, "--output", output).ExitCode);
        var before = Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Contains("/CreationDate(D:20231114221320", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(output, "short.pdf"))));

        var result = CliProcess.RunWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "300000000000" }, "build", book, "--output", output, "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SOURCE_DATE_EPOCH: error GB0009", result.StdErr);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order());
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
    }

    [Fact]
    public void A_content_error_exits_1_and_writes_nothing()
    {
        using var dir = new TemporaryDirectory();
        var book = dir.Write("book/content/bad.md", "# Bad\n\n![escape](../../outside.png)\n");
        var result = CliProcess.Run("build", book, "--output", dir.Combine("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"content/bad\.md:3:\d+: error GB0005", result.StdErr);
        Assert.False(Directory.Exists(dir.Combine("out", "site")));
    }

    [Fact]
    public void A_single_markdown_file_takes_its_id_from_the_name_and_its_title_from_the_first_heading()
    {
        using var dir = new TemporaryDirectory();
        var book = dir.Write("book/content/my-notes.md", "# 我的笔记\n\n正文。\n");
        var result = CliProcess.Run("build", book, "--output", dir.Combine("out"), "--format", "epub");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.True(File.Exists(dir.Combine("out", "my-notes.epub")));
        using var zip = System.IO.Compression.ZipFile.OpenRead(dir.Combine("out", "my-notes.epub"));
        var opf = zip.Entries.Single(e => e.FullName.EndsWith(".opf"));
        using var reader = new StreamReader(opf.Open());
        Assert.Contains("我的笔记", reader.ReadToEnd());
    }

    [Theory]
    [InlineData("missing.yml")]
    [InlineData("missing.md")]
    public void A_missing_book_file_is_a_configuration_error(string name)
    {
        using var dir = new TemporaryDirectory();
        var result = CliProcess.Run("build", dir.Combine(name), "--output", dir.Combine("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GB0001", result.StdErr);
    }

    [Fact]
    public void A_malformed_book_yml_is_reported_with_its_line()
    {
        using var dir = new TemporaryDirectory();
        var yml = dir.Write("book/content/book.yml", "id: x\ntitle: [unclosed\nlanguage: zh-CN\n");
        var result = CliProcess.Run("build", yml, "--output", dir.Combine("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"book\.yml:\d+:\d+: error GB0002", result.StdErr);
    }

    [Fact]
    public void Usage_errors_exit_2_and_help_exits_0()
    {
        Assert.Equal(2, CliProcess.Run().ExitCode);
        Assert.Equal(2, CliProcess.Run("frobnicate").ExitCode);
        Assert.Equal(2, CliProcess.Run("help", "frobnicate").ExitCode);
        Assert.Equal(2, CliProcess.Run("build", "content/book.yml", "--format", "docx").ExitCode);
        var help = CliProcess.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("gptbook build", help.StdOut);
    }

    [Theory]
    [InlineData("build --help", "build", "--strict")]
    [InlineData("build content/book.yml -h", "build", "--format")]
    [InlineData("serve --help", "serve", "--port")]
    [InlineData("serve -h", "serve", "127.0.0.1")]
    [InlineData("help build", "build", "--report")]
    [InlineData("help serve", "serve", "--port")]
    public void Every_command_has_its_own_help(string arguments, string command, string mentions)
    {
        var help = CliProcess.Run(arguments.Split(' '));
        Assert.Equal(0, help.ExitCode);
        Assert.StartsWith($"usage: gptbook {command} ", help.StdOut);
        Assert.Contains(mentions, help.StdOut);
        Assert.Equal("", help.StdErr);
    }
}
