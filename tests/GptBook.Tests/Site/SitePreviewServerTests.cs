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
    /// <param name="host">The Host header's value: by default the server's own 127.0.0.1:port; null sends none.</param>
    private static async Task<(int Status, string Head, byte[] Body)> RawAsync(Uri address, string requestLine, string? host = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = client.GetStream();
        host = host == "" ? address.Authority : host;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requestLine + (host == null ? "" : $"\r\nHost: {host}") + "\r\n\r\n"));
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

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData(null)]
    public async Task Answers_only_requests_addressed_to_itself_so_that_dns_rebinding_cannot_read_the_preview(string? host)
    {
        await using var server = new SitePreviewServer(_site, status: new PreviewBuildStatus());
        var address = server.Start();
        var response = await RawAsync(address, "GET /index.html HTTP/1.1", host?.Replace("{port}", address.Port.ToString()));
        Assert.Equal(403, response.Status);
        Assert.DoesNotContain("home", Encoding.UTF8.GetString(response.Body));
        Assert.Equal(403, (await RawAsync(address, "GET /__gptbook/events HTTP/1.1", host?.Replace("{port}", address.Port.ToString()))).Status);
    }

    [Fact]
    public async Task Answers_to_localhost_on_its_port_too()
    {
        await using var server = new SitePreviewServer(_site);
        var address = server.Start();
        Assert.Equal(200, (await RawAsync(address, "GET / HTTP/1.1", $"LocalHost:{address.Port}")).Status);
    }

    [Fact]
    public async Task With_a_build_status_pages_get_live_reload_and_a_widened_policy_but_the_files_on_disk_do_not()
    {
        const string page = "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\" /><title>t</title></head><body class=\"x\"><p>正文</p></body></html>";
        File.WriteAllText(Path.Combine(_site, "index.html"), page);
        var status = new PreviewBuildStatus();
        status.Report(null);
        await using var server = new SitePreviewServer(_site, status: status);
        var address = server.Start();

        var served = Encoding.UTF8.GetString((await RawAsync(address, "GET / HTTP/1.1")).Body);
        Assert.Contains("content=\"default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'\"", served);
        Assert.Contains("<script src=\"/__gptbook/live.js\" data-generation=\"1\"></script></body>", served);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/__gptbook/preview.css\" /></head>", served);
        Assert.DoesNotContain("gptbook-preview-error", served);
        Assert.Equal(page, File.ReadAllText(Path.Combine(_site, "index.html")));

        var script = await RawAsync(address, "GET /__gptbook/live.js HTTP/1.1");
        Assert.Contains("Content-Type: text/javascript", script.Head);
        Assert.Contains("EventSource('/__gptbook/events')", Encoding.UTF8.GetString(script.Body));
        Assert.Equal(200, (await RawAsync(address, "GET /__gptbook/preview.css HTTP/1.1")).Status);
        // Without a status the server is a plain file server: no live reload, files as built.
        await using var plain = new SitePreviewServer(_site);
        var plainAddress = plain.Start();
        Assert.Equal(page, Encoding.UTF8.GetString((await RawAsync(plainAddress, "GET / HTTP/1.1")).Body));
        Assert.Equal(404, (await RawAsync(plainAddress, "GET /__gptbook/live.js HTTP/1.1")).Status);
    }

    [Fact]
    public async Task A_failed_build_is_shown_at_the_top_of_every_page_escaped_and_a_missing_site_gets_an_error_page()
    {
        File.WriteAllText(Path.Combine(_site, "index.html"), "<!DOCTYPE html><html><head></head><body><p>旧版</p></body></html>");
        var status = new PreviewBuildStatus();
        status.Report("book/a.md:3:1: error GB0101: file is not valid UTF-8 <script>alert(1)</script>");
        await using var server = new SitePreviewServer(_site, status: status);
        var address = server.Start();

        var served = Encoding.UTF8.GetString((await RawAsync(address, "GET / HTTP/1.1")).Body);
        Assert.Contains("<body><div class=\"gptbook-preview-error\" role=\"alert\">", served);
        Assert.Contains("error GB0101: file is not valid UTF-8 &lt;script&gt;alert(1)&lt;/script&gt;", served);
        Assert.DoesNotContain("<script>alert", served);
        Assert.Contains("<p>旧版</p>", served);

        var missing = await RawAsync(address, "GET /never-built.html HTTP/1.1");
        Assert.Equal(503, missing.Status);
        Assert.Contains("GB0101", Encoding.UTF8.GetString(missing.Body));
        Assert.Contains("/__gptbook/live.js", Encoding.UTF8.GetString(missing.Body));
        Assert.Equal(404, (await RawAsync(address, "GET /never-built.png HTTP/1.1")).Status);

        status.Report(null);
        Assert.DoesNotContain("gptbook-preview-error", Encoding.UTF8.GetString((await RawAsync(address, "GET / HTTP/1.1")).Body));
    }

    [Fact]
    public async Task The_event_stream_sends_the_generation_now_and_again_after_each_build()
    {
        var status = new PreviewBuildStatus();
        status.Report(null);
        await using var server = new SitePreviewServer(_site, status: status);
        var address = server.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /__gptbook/events HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n"));
        var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        async Task<string> NextData()
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
                if (line.StartsWith("data: ", StringComparison.Ordinal)) return line[6..];
            throw new EndOfStreamException();
        }

        Assert.Equal("HTTP/1.1 200 OK", await reader.ReadLineAsync(timeout.Token));
        Assert.Equal("1", await NextData());
        status.Report("failed");
        Assert.Equal("2", await NextData());
        status.Report(null);
        Assert.Equal("3", await NextData());
    }
}
