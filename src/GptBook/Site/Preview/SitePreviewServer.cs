using System.Net;
using System.Net.Sockets;
using System.Text;
using GptBook.Units;

namespace GptBook.Site.Preview;

/// <summary>
/// Serves one folder over HTTP on 127.0.0.1 only, for previewing the site while writing. GET and HEAD of files
/// under the folder; a folder path serves its index.html. Anything that would resolve outside the folder (dot
/// segments, encoded slashes, symbolic links pointing out) gets 404, the same answer as a missing file.
/// A deliberately small HTTP/1.1 server on TcpListener: one request per connection, no keep-alive, no ASP.NET.
/// </summary>
public sealed class SitePreviewServer : IAsyncDisposable
{
    private const int MaxRequestHeaderBytes = 16 * 1024;

    private readonly string _root;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task? _acceptLoop;

    /// <param name="siteDirectory">The folder to serve; it may be replaced (rebuilt) while the server runs.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one (see <see cref="Address"/>).</param>
    public SitePreviewServer(string siteDirectory, int port = 0)
    {
        _root = Path.GetFullPath(siteDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    /// <summary>The address to open in a browser, once <see cref="Start"/> has run.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public Uri Start()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync(_stop.Token);
        return Address;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        if (_acceptLoop != null)
        {
            try { await _acceptLoop; }
            catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(cancel); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Task.Run(() => HandleAsync(client, cancel), cancel);
        }
    }

    private async Task HandleAsync(TcpClient client, CancellationToken cancel)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var requestLine = await ReadRequestHeadAsync(stream, timeout.Token);
            await RespondAsync(stream, requestLine, timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // The browser went away or took too long: nothing to answer.
        }
    }

    /// <summary>Reads up to the blank line that ends the request head and returns its first line.</summary>
    private static async Task<string?> ReadRequestHeadAsync(Stream stream, CancellationToken cancel)
    {
        var head = new List<byte>();
        var buffer = new byte[1024];
        while (head.Count < MaxRequestHeaderBytes)
        {
            var read = await stream.ReadAsync(buffer, cancel);
            if (read == 0) break;
            head.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.ASCII.GetString(head.ToArray());
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal) || text.Contains("\n\n", StringComparison.Ordinal))
                return text[..text.IndexOf('\n')].TrimEnd('\r');
        }
        return null;
    }

    private async Task RespondAsync(Stream stream, string? requestLine, CancellationToken cancel)
    {
        var parts = requestLine?.Split(' ');
        if (parts is not { Length: 3 } || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            await WriteStatusAsync(stream, 400, "Bad Request", cancel);
            return;
        }
        var (method, target) = (parts[0], parts[1]);
        if (method is not ("GET" or "HEAD"))
        {
            await WriteStatusAsync(stream, 405, "Method Not Allowed", cancel, "Allow: GET, HEAD\r\n");
            return;
        }
        var file = PreviewPathResolver.Resolve(_root, target);
        if (file == null)
        {
            await WriteStatusAsync(stream, 404, "Not Found", cancel);
            return;
        }
        byte[] body;
        try { body = await File.ReadAllBytesAsync(file, cancel); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The site is being swapped by a rebuild at this moment; the browser can retry.
            await WriteStatusAsync(stream, 503, "Service Unavailable", cancel, "Retry-After: 1\r\n");
            return;
        }
        var header = "HTTP/1.1 200 OK\r\n" +
                     $"Content-Type: {SiteMediaTypes.For(file)}\r\n" +
                     $"Content-Length: {body.Length}\r\n" +
                     "Cache-Control: no-store\r\n" +
                     "X-Content-Type-Options: nosniff\r\n" +
                     "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), cancel);
        if (method == "GET") await stream.WriteAsync(body, cancel);
    }

    private static async Task WriteStatusAsync(Stream stream, int code, string reason, CancellationToken cancel, string extraHeaders = "")
    {
        var body = Encoding.UTF8.GetBytes($"{code} {reason}\n");
        var header = $"HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n" +
                     $"Content-Length: {body.Length}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), cancel);
        await stream.WriteAsync(body, cancel);
    }
}
