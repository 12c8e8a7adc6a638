using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GptBook.Tests.Site.Browser;

/// <summary>
/// The Chrome DevTools protocol over one WebSocket: numbered commands with their replies, and events handed to
/// subscribers. Flat sessions: a page's commands carry its sessionId on the browser's socket. No package needed.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task? _receiveLoop;
    private int _nextId;

    /// <summary>Every event: (sessionId or null, method, params). Called on the receive loop; keep it quick.</summary>
    public event Action<string?, string, JsonObject>? EventReceived;

    public async Task ConnectAsync(Uri webSocketUrl)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(webSocketUrl, _stop.Token);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId != null) message["sessionId"] = sessionId;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token); }
        finally { _sendLock.Release(); }

        var finished = await Task.WhenAny(reply.Task, Task.Delay(CommandTimeout));
        _pending.TryRemove(id, out _);
        if (finished != reply.Task) throw new TimeoutException($"DevTools command {method} got no reply.");
        var result = await reply.Task;
        if (result["error"] is JsonObject error)
            throw new InvalidOperationException($"DevTools command {method} failed: {error.ToJsonString()}");
        return result["result"] as JsonObject ?? new JsonObject();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                var json = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
                message.SetLength(0);
                if (json == null) continue;
                if (json["id"] is JsonValue idValue && _pending.TryGetValue(idValue.GetValue<int>(), out var pending))
                    pending.TrySetResult(json);
                else if (json["method"] is JsonValue method)
                    EventReceived?.Invoke((string?)json["sessionId"], method.GetValue<string>(), json["params"] as JsonObject ?? new JsonObject());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        foreach (var pending in _pending.Values)
            pending.TrySetException(new IOException("The DevTools connection closed."));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_receiveLoop != null)
        {
            try { await _receiveLoop; }
            catch (OperationCanceledException) { }
        }
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
