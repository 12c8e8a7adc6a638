using System.Net;
using System.Net.Sockets;
using System.Text;
using GptBook.Site.Preview;

namespace GptBook.Tests.Site;

public sealed class SitePreviewServerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gptbook-preview-").FullName;
    private readonly string _site;

    public SitePreviewServerTests()
    {
        _site = Path.Combine(_work, "site");
        Directory.CreateDirectory(Path.Combine(_site, "images"));
        File.WriteAllText(Path.Combine(_site, "index.html"), "<!DOCTYPE html><title>home</title>");
        File.WriteAllText(Path.Combine(_site, "页面.html"), "chinese name");
        File.WriteAllBytes(Path.Combine(_site, "images", "a.png"), [137, 80, 78, 71]);
        File.WriteAllText(Path.Combine(_work, "secret.txt"), "outside the site");
        File.WriteAllText(Path.Combine(_site, ".hidden"), "dot file");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>A raw request, so that the test controls the exact bytes of the path (HttpClient would normalize dots).</summary>
    private static async Task<(int Status, string Head, byte[] Body)> RawAsync(Uri address, string requestLine)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requestLine + "\r\nHost: 127.0.0.1\r\n\r\n"));
        using var response = new MemoryStream();
        await stream.CopyToAsync(response);
        var bytes = response.ToArray();
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(bytes, 0, split);
        return (int.Parse(head.Split(' ')[1]), head, bytes[(split + 4)..]);
    }

    [Fact]
    public async Task Serves_files_and_folder_indexes_with_their_media_types_on_loopback_only()
    {
        await using var server = new SitePreviewServer(_site);
        var address = server.Start();
        Assert.Equal("127.0.0.1", address.Host);

        var index = await RawAsync(address, "GET / HTTP/1.1");
        Assert.Equal(200, index.Status);
        Assert.Contains("Content-Type: text/html; charset=utf-8", index.Head);
        Assert.Equal("<!DOCTYPE html><title>home</title>", Encoding.UTF8.GetString(index.Body));

        var png = await RawAsync(address, "GET /images/a.png?v=1 HTTP/1.1");
        Assert.Equal(200, png.Status);
        Assert.Contains("Content-Type: image/png", png.Head);
        Assert.Equal([137, 80, 78, 71], png.Body);

        var chinese = await RawAsync(address, "GET /%E9%A1%B5%E9%9D%A2.html HTTP/1.1");
        Assert.Equal("chinese name", Encoding.UTF8.GetString(chinese.Body));

        var head = await RawAsync(address, "HEAD /index.html HTTP/1.1");
        Assert.Equal(200, head.Status);
        Assert.Empty(head.Body);
    }

    [Theory]
    [InlineData("GET /../secret.txt HTTP/1.1")]
    [InlineData("GET /images/../../secret.txt HTTP/1.1")]
    [InlineData("GET /%2e%2e/secret.txt HTTP/1.1")]
    [InlineData("GET /%2E%2E%2Fsecret.txt HTTP/1.1")]
    [InlineData("GET /..%5Csecret.txt HTTP/1.1")]
    [InlineData("GET /.hidden HTTP/1.1")]
    [InlineData("GET /nothing.html HTTP/1.1")]
    [InlineData("GET //etc/passwd HTTP/1.1")]
    [InlineData("GET http://127.0.0.1/../secret.txt HTTP/1.1")]
    public async Task Never_serves_anything_outside_the_folder(string requestLine)
    {
        await using var server = new SitePreviewServer(_site);
        var address = server.Start();
        var response = await RawAsync(address, requestLine);
        Assert.Equal(404, response.Status);
        Assert.DoesNotContain("outside the site", Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public async Task A_symbolic_link_pointing_out_of_the_folder_is_not_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_site, "leak.txt"), Path.Combine(_work, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_site, "up"), _work);
        await using var server = new SitePreviewServer(_site);
        var address = server.Start();
        Assert.Equal(404, (await RawAsync(address, "GET /leak.txt HTTP/1.1")).Status);
        Assert.Equal(404, (await RawAsync(address, "GET /up/secret.txt HTTP/1.1")).Status);
    }

    [Fact]
    public async Task Refuses_methods_other_than_get_and_head_and_malformed_requests()
    {
        await using var server = new SitePreviewServer(_site);
        var address = server.Start();
        Assert.Equal(405, (await RawAsync(address, "POST /index.html HTTP/1.1")).Status);
        Assert.Equal(400, (await RawAsync(address, "GARBAGE")).Status);
    }

    [Fact]
    public async Task Sees_a_rebuilt_site_without_restarting()
    {
        await using var server = new SitePreviewServer(_site);
        var address = server.Start();
        File.WriteAllText(Path.Combine(_site, "index.html"), "rebuilt");
        Assert.Equal("rebuilt", Encoding.UTF8.GetString((await RawAsync(address, "GET / HTTP/1.1")).Body));
    }
}
