using GptBook.Site;

namespace GptBook.Tests.Site;

public class ByteSizeTextTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1_000, "1 kB")]
    [InlineData(12_345, "12.3 kB")]
    [InlineData(456_789, "457 kB")]
    [InlineData(1_234_567, "1.2 MB")]
    [InlineData(2_000_000, "2 MB")]
    [InlineData(123_456_789, "123 MB")]
    public void Formats_sizes_as_readers_expect(long bytes, string expected) => Assert.Equal(expected, ByteSizeText.Format(bytes));
}
