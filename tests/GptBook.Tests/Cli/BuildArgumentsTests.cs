using GptBook.Cli;
using GptBook.Publishing;

namespace GptBook.Tests.Cli;

public class BuildArgumentsTests
{
    [Fact]
    public void Defaults_build_every_format_into_output()
    {
        Assert.True(BuildArguments.TryParse(["content/book.yml"], out var args, out _));
        Assert.Equal(new BuildArguments("content/book.yml", "output", OutputFormats.All, false), args);
    }

    [Fact]
    public void Reads_every_option_in_both_spellings()
    {
        Assert.True(BuildArguments.TryParse(["b.md", "--output=out", "--format", "epub,site", "--strict", "--report", "r.json"], out var args, out _));
        Assert.Equal(new BuildArguments("b.md", "out", OutputFormats.Epub | OutputFormats.Site, true, "r.json"), args);
        Assert.True(BuildArguments.TryParse(["b.md", "--strict=false", "--format=pdf"], out args, out _));
        Assert.False(args!.Strict);
        Assert.Equal(OutputFormats.Pdf, args.Formats);
    }

    [Theory]
    [InlineData("no book file given", new string[0])]
    [InlineData("unknown format 'docx'", new[] { "b.md", "--format", "docx" })]
    [InlineData("unknown option '--colour'", new[] { "b.md", "--colour" })]
    [InlineData("--output needs a value", new[] { "b.md", "--output" })]
    [InlineData("only one book file", new[] { "a.md", "b.md" })]
    [InlineData("--strict takes true or false", new[] { "b.md", "--strict=maybe" })]
    public void Rejects_bad_arguments_with_a_reason(string reason, string[] argv)
    {
        Assert.False(BuildArguments.TryParse(argv, out var args, out var error));
        Assert.Null(args);
        Assert.Contains(reason, error);
    }
}
