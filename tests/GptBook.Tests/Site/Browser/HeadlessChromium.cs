using System.Diagnostics;
using System.Text.Json.Nodes;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site.Browser;

/// <summary>
/// Debian's chromium, headless, with a fresh profile and every background service that could reach the network
/// turned off, driven over the DevTools protocol. Skips the test when chromium is missing (fails in CI).
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly DevToolsConnection _connection;

    private HeadlessChromium(Process process, string profile, DevToolsConnection connection)
    {
        _process = process;
        _profile = profile;
        _connection = connection;
    }

    /// <param name="withoutCjkSystemFonts">Give the browser only the DejaVu faces as system fonts (a fontconfig of
    /// its own), as on a Linux desktop with no Chinese font installed: whatever Chinese it draws comes from the page.</param>
    public static async Task<HeadlessChromium> LaunchAsync(bool withoutCjkSystemFonts = false)
    {
        var executable = ExternalTool.Require("chromium");
        var profile = Directory.CreateTempSubdirectory("gptbook-chromium-").FullName;
        var psi = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (withoutCjkSystemFonts)
        {
            var config = Path.Combine(profile, "fonts.conf");
            File.WriteAllText(config, $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{Path.Combine(profile, "fontconfig-cache")}</cachedir></fontconfig>
                """);
            psi.Environment["FONTCONFIG_FILE"] = config;
        }
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                     $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
            psi.ArgumentList.Add(argument);
        var process = Process.Start(psi)!;
        // Drain the output so a chatty browser never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                Kill(process);
                throw new InvalidOperationException("chromium did not start its DevTools endpoint.");
            }
            await Task.Delay(50);
        }
        var lines = File.ReadAllLines(portFile);
        var connection = new DevToolsConnection();
        await connection.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"));
        return new HeadlessChromium(process, profile, connection);
    }

    /// <summary>A new tab with the given viewport (CSS pixels; <paramref name="mobile"/> emulates a phone;
    /// <paramref name="scale"/> is the device pixels per CSS pixel).</summary>
    public async Task<BrowserPage> OpenPageAsync(int width, int height, bool mobile, bool dark = false, double scale = 1)
    {
        var target = await _connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var targetId = (string)target["targetId"]!;
        var attached = await _connection.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true });
        var page = new BrowserPage(_connection, targetId, (string)attached["sessionId"]!);
        await page.InitializeAsync(width, height, mobile, dark, scale);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try { await _connection.SendAsync("Browser.close"); }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException) { }
        await _connection.DisposeAsync();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) Kill(_process);
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); }
        catch (IOException) { }
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }
}
