using GptBook.Epub;

namespace GptBook.Tests.Epub;

public class PackagePartsTests
{
    [Fact]
    public void Name_based_uuids_match_the_rfc_test_vector()
    {
        // RFC 9562 / Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), BookIdentifier.Uuid5(dns, "python.org"));
    }

    [Fact]
    public void The_book_identifier_is_stable_and_differs_between_books()
    {
        Assert.Equal(BookIdentifier.Urn("gpt1-to-gpt4"), BookIdentifier.Urn("gpt1-to-gpt4"));
        Assert.NotEqual(BookIdentifier.Urn("gpt1-to-gpt4"), BookIdentifier.Urn("other"));
    }

    [Fact]
    public void Modified_is_written_in_the_w3c_form()
    {
        Assert.Equal("2023-11-14T22:13:20Z", BuildTimestamp.W3C(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x42, 0x4D, 0, 0 }, null)] // BMP is no EPUB core type
    public void Image_media_types_come_from_the_bytes(byte[] head, string? expected)
    {
        Assert.Equal(expected, ImageMediaTypes.Detect(head));
    }
}
