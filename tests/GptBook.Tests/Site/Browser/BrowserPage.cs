using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace GptBook.Tests.Site.Browser;

/// <summary>
/// One tab: navigate and wait for load, evaluate an expression, take a screenshot, and every console error,
/// uncaught exception and browser-logged error (failed resource, CSP violation) seen since it opened.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly DevToolsConnection _connection;
    private readonly string _sessionId;
    private readonly string _targetId;
    private readonly ConcurrentQueue<string> _errors = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The load of each document by the loader that fetched it (Page.lifecycleEvent "load"), so that waiting
    /// for one navigation is never ended by the late load of another: a meta refresh's target still loading when the
    /// next navigation starts fired Page.loadEventFired into that navigation's wait under load.</summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _loads = new();

    public BrowserPage(DevToolsConnection connection, string targetId, string sessionId)
    {
        _connection = connection;
        _targetId = targetId;
        _sessionId = sessionId;
        connection.EventReceived += OnEvent;
    }

    /// <summary>Closes the tab, so a long test doesn't keep every page it looked at alive.</summary>
    public async ValueTask DisposeAsync()
    {
        _connection.EventReceived -= OnEvent;
        await _connection.SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = _targetId });
    }

    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    internal async Task InitializeAsync(int width, int height, bool mobile, bool dark, double scale)
    {
        await SendAsync("Page.enable");
        await SendAsync("Page.setLifecycleEventsEnabled", new JsonObject { ["enabled"] = true });
        await SendAsync("Runtime.enable");
        await SendAsync("Log.enable");
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = scale, ["mobile"] = mobile,
        });
        await SendAsync("Emulation.setEmulatedMedia", new JsonObject
        {
            ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = dark ? "dark" : "light" }),
        });
    }

    /// <summary>From now on the page runs no script of its own, as for a reader who has turned JavaScript off
    /// (the test's own evaluations still work).</summary>
    public Task DisableScriptsAsync() => SendAsync("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = true });

    public Task NavigateAsync(Uri url) => NavigateAsync(url.AbsoluteUri);

    /// <summary>Opens a URL given as text (a file: URL with a query, which Uri would escape).</summary>
    public async Task NavigateAsync(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        if (result["errorText"] is JsonValue error)
            throw new InvalidOperationException($"Navigation to {url} failed: {error}");
        // A new document: the load of the one this navigation's loader fetches. Within the same document (a new
        // fragment) there is no loader, and the next load event is the one.
        var loaded = (string?)result["loaderId"] is { } loader ? LoadOf(loader).Task : _loaded.Task;
        var finished = await Task.WhenAny(loaded, Task.Delay(TimeSpan.FromSeconds(30)));
        if (finished != loaded) throw new TimeoutException($"{url} did not finish loading.");
    }

    /// <param name="awaitPromise">Wait for the promise the expression gives and return what it resolves to.</param>
    public async Task<JsonNode?> EvaluateAsync(string expression, bool awaitPromise = false)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = awaitPromise });
        if (result["exceptionDetails"] is JsonObject exception)
            throw new InvalidOperationException($"{expression} threw: {exception.ToJsonString()}");
        return result["result"]?["value"];
    }

    /// <summary>Evaluates <paramref name="condition"/> until it is true or time runs out; a page in the middle of
    /// reloading (its context gone) counts as not yet.</summary>
    public async Task<bool> WaitForAsync(string condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await EvaluateAsync(condition) is JsonValue value && value.TryGetValue<bool>(out var done) && done) return true;
            }
            catch (InvalidOperationException) { }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>The fonts Chromium really drew the first element matching <paramref name="selector"/> with: family
    /// name, whether it came from the page (a web font), and how many glyphs of the element's text each drew.</summary>
    public async Task<IReadOnlyList<(string Family, bool WebFont, int Glyphs)>> PlatformFontsAsync(string selector)
    {
        await SendAsync("DOM.enable");
        await SendAsync("CSS.enable");
        var document = await SendAsync("DOM.getDocument");
        var node = await SendAsync("DOM.querySelector", new JsonObject { ["nodeId"] = document["root"]!["nodeId"]!.GetValue<int>(), ["selector"] = selector });
        var fonts = await SendAsync("CSS.getPlatformFontsForNode", new JsonObject { ["nodeId"] = node["nodeId"]!.GetValue<int>() });
        return fonts["fonts"]!.AsArray().Select(f => ((string)f!["familyName"]!, (bool)f["isCustomFont"]!, (int)f["glyphCount"]!)).ToArray();
    }

    public async Task<byte[]> ScreenshotAsync(bool fullPage = false)
    {
        var parameters = new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = fullPage };
        if (fullPage)
        {
            var width = (double)(await EvaluateAsync("document.documentElement.scrollWidth"))!;
            var height = (double)(await EvaluateAsync("document.documentElement.scrollHeight"))!;
            parameters["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 };
        }
        var result = await SendAsync("Page.captureScreenshot", parameters);
        return Convert.FromBase64String((string)result["data"]!);
    }

    private TaskCompletionSource LoadOf(string loader) =>
        _loads.GetOrAdd(loader, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private Task<JsonObject> SendAsync(string method, JsonObject? parameters = null) =>
        _connection.SendAsync(method, parameters, _sessionId);

    private void OnEvent(string? sessionId, string method, JsonObject parameters)
    {
        if (sessionId != _sessionId) return;
        switch (method)
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Page.lifecycleEvent" when (string?)parameters["name"] == "load" && (string?)parameters["loaderId"] is { } loader:
                LoadOf(loader).TrySetResult();
                break;
            case "Runtime.consoleAPICalled" when (string?)parameters["type"] is "error" or "assert":
                _errors.Enqueue("console: " + parameters["args"]?.ToJsonString());
                break;
            case "Runtime.exceptionThrown":
                _errors.Enqueue("exception: " + parameters["exceptionDetails"]?.ToJsonString());
                break;
            case "Log.entryAdded" when parameters["entry"] is JsonObject entry && (string?)entry["level"] == "error":
                _errors.Enqueue("log: " + entry.ToJsonString());
                break;
        }
    }
}
