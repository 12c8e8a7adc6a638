using System.Globalization;
using System.Text;
using GptBook.Pdf;

namespace GptBook.Tests.Pdf;

/// <summary>The PDF's fast number writing gives exactly the characters of .NET's invariant "0.#…#" formatting.</summary>
public sealed class DecimalTextTests
{
    private static readonly string[] Formats = ["0", "0.#", "0.##", "0.###", "0.####"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Every_number_is_written_as_dotnet_formats_it(int decimals)
    {
        var random = new Random(20261202);
        var values = new List<double>
        {
            0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.05, -0.05, 0.00005, -0.00004, 0.12345, 1.23455, 1.00005, 9.99995, -9.99995,
            12.3456789, 1e-9, -1e-9, 999.99995, 1234.5, 9999999, 1e7, -1e8, 1e15, 123456.78901, double.NaN,
            double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 0.1 + 0.2, 1 - 1e-12, 595.2756, -841.8898,
        };
        for (var i = 0; i < 25_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-6, 7));
            values.Add((random.NextDouble() * 2 - 1) * magnitude);
            // Halves and near-halves of the last decimal, the cases rounding decides.
            var unit = Math.Pow(10, -decimals);
            values.Add((random.Next(-100_000, 100_000) + 0.5) * unit);
            values.Add((random.Next(-100_000, 100_000) + 0.5) * unit + (random.NextDouble() - 0.5) * 1e-9);
            values.Add(Math.Round(random.NextDouble() * 600, decimals));
        }

        foreach (var value in values)
        {
            var expected = value.ToString(Formats[decimals], CultureInfo.InvariantCulture);
            Assert.Equal(expected, DecimalText.Format(value, decimals));
            Assert.Equal("x" + expected, DecimalText.Append(new StringBuilder("x"), value, decimals).ToString());
        }
    }
}
