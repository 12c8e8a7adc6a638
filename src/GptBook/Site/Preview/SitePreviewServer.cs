using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GptBook.Site.Preview;

/// <summary>
/// Serves one folder over HTTP on 127.0.0.1 only, for previewing the site while writing. GET and HEAD of files
/// under the folder; a folder path serves its index.html. Anything that would resolve outside the folder (dot
/// segments, encoded slashes, symbolic links pointing out) gets 404, the same answer as a missing file.
/// Only requests whose Host names this server (127.0.0.1 or localhost, on its port) are answered: a page on another
/// site that points a name of its own at 127.0.0.1 (DNS rebinding) gets 403 and cannot read the preview.
/// With a <see cref="PreviewBuildStatus"/>, pages are served with live reload and the last build's failure
/// (<see cref="PreviewPageInjector"/>), and <c>/__gptbook/events</c> streams the build generation to them.
/// A deliberately small HTTP/1.1 server on TcpListener: one request per connection, no keep-alive, no ASP.NET.
/// </summary>
public sealed class SitePreviewServer : IAsyncDisposable
{
    private const int MaxRequestHeaderBytes = 16 * 1024;
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private readonly string _root;
    private readonly PreviewBuildStatus? _status;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task? _acceptLoop;

    /// <param name="siteDirectory">The folder to serve; it may be replaced (rebuilt) while the server runs.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one (see <see cref="Address"/>).</param>
    /// <param name="status">The builds to report to the pages; null serves the files exactly as built.</param>
    public SitePreviewServer(string siteDirectory, int port = 0, PreviewBuildStatus? status = null)
    {
        _root = Path.GetFullPath(siteDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _status = status;
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    /// <summary>The address to open in a browser, once <see cref="Start"/> has run.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}/");

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

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
            var request = await ReadRequestHeadAsync(stream, timeout.Token);
            if (request is { Method: "GET", Target: PreviewPageInjector.Events } && _status != null && IsOurHost(request))
                await StreamEventsAsync(stream, _status, cancel); // lives as long as the page; not under the timeout
            else
                await RespondAsync(stream, request, timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The browser went away or took too long: nothing to answer.
        }
    }

    private sealed record Request(string Method, string Target, IReadOnlyDictionary<string, string> Headers);

    /// <summary>Reads up to the blank line that ends the request head; null when it is not an HTTP/1.x request.</summary>
    private static async Task<Request?> ReadRequestHeadAsync(Stream stream, CancellationToken cancel)
    {
        var head = new List<byte>();
        var buffer = new byte[1024];
        while (head.Count < MaxRequestHeaderBytes)
        {
            var read = await stream.ReadAsync(buffer, cancel);
            if (read == 0) break;
            head.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.Latin1.GetString(head.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0) return Parse(text[..end]);
        }
        return null;
    }

    private static Request? Parse(string head)
    {
        var lines = head.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var parts = lines[0].Split(' ');
        if (parts is not { Length: 3 } || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            // A repeated Host is ambiguous: refuse rather than guess which one a proxy would have used.
            if (!headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim()) && line[..colon].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase))
                return null;
        }
        return new Request(parts[0], parts[1], headers);
    }

    /// <summary>The Host header names this server: 127.0.0.1 or localhost, with its port.</summary>
    private bool IsOurHost(Request request)
    {
        if (!request.Headers.TryGetValue("Host", out var host)) return false;
        var port = ":" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return host.Equals("127.0.0.1" + port, StringComparison.Ordinal) || host.Equals("localhost" + port, StringComparison.OrdinalIgnoreCase);
    }

    private async Task RespondAsync(Stream stream, Request? request, CancellationToken cancel)
    {
        if (request == null)
        {
            await WriteStatusAsync(stream, 400, "Bad Request", cancel);
            return;
        }
        if (!IsOurHost(request))
        {
            await WriteStatusAsync(stream, 403, "Forbidden", cancel, body: $"this preview answers only to 127.0.0.1:{Port} and localhost:{Port}\n");
            return;
        }
        if (request.Method is not ("GET" or "HEAD"))
        {
            await WriteStatusAsync(stream, 405, "Method Not Allowed", cancel, "Allow: GET, HEAD\r\n");
            return;
        }
        var head = request.Method == "HEAD";
        if (_status != null && OwnAsset(request.Target) is { } asset)
        {
            await WriteBodyAsync(stream, 200, "OK", SiteMediaTypes.For(asset), SiteAssets.Bytes(asset, "GptBook.Site.Preview.Assets."), head, cancel);
            return;
        }
        var file = PreviewPathResolver.Resolve(_root, request.Target);
        var state = _status?.Current;
        if (file == null)
        {
            if (state?.Failure is { } failure && IsPageRequest(request.Target))
                await WriteBodyAsync(stream, 503, "Service Unavailable", SiteMediaTypes.For(".html"), PreviewPageInjector.FailurePage(state.Generation, failure), head, cancel);
            else
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
        if (state != null && file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            body = PreviewPageInjector.Inject(body, state.Generation, state.Failure);
        await WriteBodyAsync(stream, 200, "OK", SiteMediaTypes.For(file), body, head, cancel);
    }

    private static string? OwnAsset(string target)
    {
        var path = target.Split('?', '#')[0];
        return path switch
        {
            PreviewPageInjector.LiveScript => "live.js",
            PreviewPageInjector.Stylesheet => "preview.css",
            _ => null,
        };
    }

    private static bool IsPageRequest(string target)
    {
        var path = target.Split('?', '#')[0];
        return path.EndsWith('/') || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Server-sent events: the current generation now, then each new one, with a comment now and then so
    /// that the connection's silence never looks like a dead server.</summary>
    private static async Task StreamEventsAsync(Stream stream, PreviewBuildStatus status, CancellationToken cancel)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\n"), cancel);
        var state = status.Current;
        await WriteEventAsync(stream, state.Generation, cancel);
        while (!cancel.IsCancellationRequested)
        {
            var changed = await Task.WhenAny(state.Changed, Task.Delay(KeepAliveInterval, cancel));
            if (changed == state.Changed)
            {
                state = status.Current;
                await WriteEventAsync(stream, state.Generation, cancel);
            }
            else
            {
                await stream.WriteAsync(": still here\n\n"u8.ToArray(), cancel);
                await stream.FlushAsync(cancel);
            }
        }
    }

    private static async Task WriteEventAsync(Stream stream, int generation, CancellationToken cancel)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"data: {generation}\n\n"), cancel);
        await stream.FlushAsync(cancel);
    }

    private static async Task WriteBodyAsync(Stream stream, int code, string reason, string mediaType, byte[] body, bool headOnly, CancellationToken cancel)
    {
        var header = $"HTTP/1.1 {code} {reason}\r\n" +
                     $"Content-Type: {mediaType}\r\n" +
                     $"Content-Length: {body.Length}\r\n" +
                     "Cache-Control: no-store\r\n" +
                     "X-Content-Type-Options: nosniff\r\n" +
                     "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), cancel);
        if (!headOnly) await stream.WriteAsync(body, cancel);
    }

    private static async Task WriteStatusAsync(Stream stream, int code, string reason, CancellationToken cancel, string extraHeaders = "", string? body = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body ?? $"{code} {reason}\n");
        var header = $"HTTP/1.1 {code} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n" +
                     $"Content-Length: {bytes.Length}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), cancel);
        await stream.WriteAsync(bytes, cancel);
    }
}
