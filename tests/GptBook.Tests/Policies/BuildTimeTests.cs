using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Policies;
using GptBook.Tests.Support;

namespace GptBook.Tests.Policies;

/// <summary>SOURCE_DATE_EPOCH is read once, with one set of bounds, before any stage runs.</summary>
public class BuildTimeTests
{
    [Theory]
    [InlineData("0", "1970-01-01T00:00:00+00:00")]
    [InlineData("1700000000", "2023-11-14T22:13:20+00:00")]
    [InlineData("253402300799", "9999-12-31T23:59:59+00:00")]
    public void A_whole_number_of_seconds_up_to_the_year_9999_is_the_build_time(string value, string expected)
    {
        Assert.True(BuildTime.TryParseSourceDateEpoch(value, out var instant, out var problem), problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("300000000000")]
    [InlineData("253402300800")]
    [InlineData("99999999999999999999999")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("1.5")]
    [InlineData("yesterday")]
    [InlineData("١٢٣")] // Arabic-Indic digits are digits to .NET, not to the convention
    public void Anything_else_is_refused_with_a_reason(string value)
    {
        Assert.False(BuildTime.TryParseSourceDateEpoch(value, out var instant, out var problem));
        Assert.Null(instant);
        Assert.Contains("SOURCE_DATE_EPOCH", problem);
    }

    [Fact]
    public void Unset_means_the_books_date()
    {
        Assert.True(BuildTime.TryParseSourceDateEpoch(null, out var unset, out _));
        Assert.True(BuildTime.TryParseSourceDateEpoch("", out var empty, out _));
        Assert.Null(unset);
        Assert.Null(empty);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), BuildTime.Resolve(new DateOnly(2026, 11, 30), null));
    }

    [Fact]
    public void A_bad_value_is_a_configuration_error_naming_the_variable()
    {
        using var dir = new TempBookDirectory();
        var file = dir.Write("book/notes.md", "# 标题\n\n正文。\n");
        var diagnostics = new DiagnosticBag();
        Assert.Null(BookOptionsReader.Read(file, diagnostics, "300000000000"));
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal("GB0009", d.Code);
        Assert.StartsWith("SOURCE_DATE_EPOCH: error GB0009:", d.ToString());

        var options = BookOptionsReader.Read(file, new DiagnosticBag(), "1700000000");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), options!.BuildTime);
    }
}
