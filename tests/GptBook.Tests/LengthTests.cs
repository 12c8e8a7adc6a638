
namespace GptBook.Tests;

public class LengthTests
{
    [Theory]
    [InlineData("148mm", 148)]
    [InlineData("1.5cm", 15)]
    [InlineData("72pt", 25.4)]
    [InlineData("20", 20)]
    public void Parses_units_into_millimetres(string text, double mm)
    {
        Assert.True(GptBook.Units.Length.TryParse(text, out var length));
        Assert.Equal(mm, length.Millimetres, 6);
    }
}
