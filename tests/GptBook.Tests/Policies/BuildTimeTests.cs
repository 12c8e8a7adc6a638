using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Policies;
using GptBook.Publishing;
using GptBook.Tests.Epub;
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
    public void The_contents_fingerprint_names_a_second_of_the_books_date()
    {
        var date = new DateOnly(2026, 11, 30);
        var a = BuildTime.Resolve(date, null, "8f3a0c21" + new string('0', 56));
        var b = BuildTime.Resolve(date, null, "00000001" + new string('0', 56));
        Assert.Equal(date, DateOnly.FromDateTime(a.UtcDateTime));
        Assert.Equal(0x8f3a0c21u % 43200 * 2, (uint)(a - new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)).TotalSeconds);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 2, TimeSpan.Zero), b);
        Assert.Equal(a, BuildTime.Resolve(date, null, "8f3a0c21" + new string('0', 56)));
        // SOURCE_DATE_EPOCH wins over the content.
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), BuildTime.Resolve(date, DateTimeOffset.FromUnixTimeSeconds(1700000000), "8f3a0c21"));
    }

    /// <summary>
    /// Built without SOURCE_DATE_EPOCH (the CLI's child process has it removed), an EPUB records the content's
    /// fingerprint time: the same content twice gives the same <c>dcterms:modified</c>, an edited chapter another
    /// second of the same date, and the zip entries and the PDF carry the same instant.
    /// </summary>
    [Fact]
    public void Without_source_date_epoch_the_outputs_record_the_contents_fingerprint_time()
    {
        using var dir = new TempBookDirectory();
        dir.Write("book/book.yml", "id: dated\ntitle: 日期\nlanguage: zh-CN\ndate: 2024-05-06\nchapters: [a.md]\n");
        dir.Write("book/a.md", "# 第一章\n\n正文。\n");
        string Modified(string output)
        {
            var run = CliProcess.Run("build", dir.PathOf("book/book.yml"), "--output", dir.PathOf(output), "--format", "epub,pdf");
            Assert.True(run.ExitCode == 0, run.StdErr);
            var epub = new EpubFile(dir.PathOf(output + "/dated.epub"));
            var modified = epub.Metadata.Elements(EpubFile.Opf + "meta").Single(e => e.Attribute("property")?.Value == "dcterms:modified").Value;
            var instant = DateTimeOffset.Parse(modified, System.Globalization.CultureInfo.InvariantCulture);
            using var zip = System.IO.Compression.ZipFile.OpenRead(dir.PathOf(output + "/dated.epub"));
            Assert.All(zip.Entries, e => Assert.Equal(instant.UtcDateTime, e.LastWriteTime.DateTime));
            var pdf = File.ReadAllText(dir.PathOf(output + "/dated.pdf"), System.Text.Encoding.Latin1);
            Assert.Contains("/CreationDate(D:" + instant.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture), pdf, StringComparison.Ordinal);
            return modified;
        }
        var first = Modified("out1");
        Assert.Equal(first, Modified("out2"));
        Assert.StartsWith("2024-05-06T", first);
        dir.Write("book/a.md", "# 第一章\n\n改过的正文。\n");
        var edited = Modified("out3");
        Assert.StartsWith("2024-05-06T", edited);
        Assert.NotEqual(first, edited);
        // The second is the one the edited content's fingerprint names.
        var options = BookOptionsReader.Read(dir.PathOf("book/book.yml"), new DiagnosticBag())!;
        var book = GptBook.Loading.BookLoader.Load(options, new DiagnosticBag());
        Assert.Equal(GptBook.Epub.BuildTimestamp.W3C(BuildTime.Resolve(new DateOnly(2024, 5, 6), null, ContentFingerprint.Compute(options, book))), edited);
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
