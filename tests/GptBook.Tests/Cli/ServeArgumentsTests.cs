using GptBook.Cli;

namespace GptBook.Tests.Cli;

public class ServeArgumentsTests
{
    [Fact]
    public void Defaults_to_output_and_port_8000()
    {
        Assert.True(ServeArguments.TryParse(["content/book.yml"], out var args, out _));
        Assert.Equal(new ServeArguments("content/book.yml", "output", 8000), args);
        Assert.True(ServeArguments.TryParse(["b.md", "--port=0", "-o", "out"], out args, out _));
        Assert.Equal(new ServeArguments("b.md", "out", 0), args);
    }

    [Theory]
    [InlineData("--port takes a number", new[] { "b.md", "--port", "http" })]
    [InlineData("--port takes a number", new[] { "b.md", "--port=70000" })]
    [InlineData("no book file given", new string[0])]
    [InlineData("unknown option '--bind'", new[] { "b.md", "--bind", "0.0.0.0" })]
    public void Rejects_bad_arguments_with_a_reason(string reason, string[] argv)
    {
        Assert.False(ServeArguments.TryParse(argv, out var args, out var error));
        Assert.Null(args);
        Assert.Contains(reason, error);
    }
}
