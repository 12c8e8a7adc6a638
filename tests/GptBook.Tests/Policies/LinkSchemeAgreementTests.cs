using System.IO.Compression;
using GptBook.Policies;
using GptBook.Tests.Support;

namespace GptBook.Tests.Policies;

/// <summary>
/// One link rule for every stage: a tel: or ftp: link is text in the model, the PDF, the EPUB and the site alike,
/// reported once where it is written, while http(s) and mailto links reach every output.
/// </summary>
public sealed class LinkSchemeAgreementTests(LinkSchemeAgreementTests.Book book) : IClassFixture<LinkSchemeAgreementTests.Book>
{
    public sealed class Book() : IDisposable
    {
        public PublishedBook Published { get; } = new("links", new Dictionary<string, byte[]>
        {
            ["book/book.yml"] = PublishedBook.Utf8("id: links\ntitle: 链接\nlanguage: zh-CN\nchapters: [links.md]\n"),
            ["book/links.md"] = PublishedBook.Utf8(
                "# 链接\n\n客服电话：[拨打](tel:+86-10-1234-5678)。\n\n旧的镜像：[下载](ftp://ftp.example.org/pub/)。\n\n" +
                "官网：[主页](https://example.org/)，邮件：[写信](mailto:a@example.org)。\n"),
        }, "book/book.yml");

        public void Dispose() => Published.Dispose();
    }

    [Theory]
    [InlineData("https://example.org/", UrlSchemes.LinkVerdict.Allowed)]
    [InlineData("mailto:a@example.org", UrlSchemes.LinkVerdict.Allowed)]
    [InlineData("HTTP://EXAMPLE.ORG/", UrlSchemes.LinkVerdict.Allowed)]
    [InlineData("tel:+86-10-1234-5678", UrlSchemes.LinkVerdict.Unsupported)]
    [InlineData("ftp://ftp.example.org/", UrlSchemes.LinkVerdict.Unsupported)]
    [InlineData("weixin://dl/chat", UrlSchemes.LinkVerdict.Unsupported)]
    [InlineData("https://exa mple.org/", UrlSchemes.LinkVerdict.Unsupported)]
    [InlineData("javascript:alert(1)", UrlSchemes.LinkVerdict.Unsafe)]
    [InlineData("java\nscript:alert(1)", UrlSchemes.LinkVerdict.Unsafe)]
    [InlineData("data:text/html,<script>", UrlSchemes.LinkVerdict.Unsafe)]
    [InlineData("file:///etc/passwd", UrlSchemes.LinkVerdict.Unsafe)]
    [InlineData("https://example.org/\u0000", UrlSchemes.LinkVerdict.Unsafe)]
    public void Every_scheme_has_one_verdict(string url, UrlSchemes.LinkVerdict verdict) =>
        Assert.Equal(verdict, UrlSchemes.Judge(url));

    [Fact]
    public void Unsupported_links_are_reported_once_each_where_they_are_written()
    {
        var reported = book.Published.Diagnostics.Where(d => d.Code is "GB0010" or "GB0110" or "GB0404" or "GB0501").ToArray();
        Assert.Equal(["GB0010", "GB0010"], reported.Select(d => d.Code));
        Assert.Equal([3, 5], reported.Select(d => d.Span.Line));
        Assert.All(reported, d => Assert.Equal("book/links.md", d.Span.File));
    }

    [Fact]
    public void The_epub_and_the_site_link_the_same_targets()
    {
        using var zip = ZipFile.OpenRead(book.Published.EpubPath);
        var epubPages = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        var sitePages = string.Concat(Directory.GetFiles(book.Published.SiteDirectory, "*.html").Select(File.ReadAllText));
        foreach (var pages in new[] { epubPages, sitePages })
        {
            Assert.Contains("href=\"https://example.org/\"", pages);
            Assert.Contains("href=\"mailto:a@example.org\"", pages);
            Assert.DoesNotContain("tel:", pages);
            Assert.DoesNotContain("ftp:", pages);
            Assert.Contains("拨打", pages);
            Assert.Contains("下载", pages);
        }
    }

    [Fact]
    public void The_pdf_links_the_same_targets()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(book.Published.PdfPath);
        var uris = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(l => l.Uri).ToArray();
        Assert.Contains("https://example.org/", uris);
        Assert.Contains("mailto:a@example.org", uris);
        Assert.DoesNotContain(uris, u => u.StartsWith("tel:", StringComparison.Ordinal) || u.StartsWith("ftp:", StringComparison.Ordinal));
    }
}
