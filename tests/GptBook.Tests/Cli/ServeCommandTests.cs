using System.Diagnostics;
using System.Text.RegularExpressions;
using GptBook.Tests.Support;

namespace GptBook.Tests.Cli;

/// <summary>`gptbook serve`: the real CLI serves the site on loopback and rebuilds it when a chapter changes.</summary>
public partial class ServeCommandTests
{
    [Fact]
    public async Task Serves_the_site_on_loopback_and_rebuilds_when_a_chapter_changes()
    {
        using var dir = new TemporaryDirectory();
        var chapter = dir.Write("book/content/notes.md", "# 预览\n\n第一版正文。\n");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { CliProcess.Dll, "serve", chapter, "--output", dir.Combine("out"), "--port", "0" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            var address = await ReadAddress(process.StandardOutput, TimeSpan.FromMinutes(2));
            Assert.Equal("127.0.0.1", address.Host);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            var page = await FindPageContaining(http, address, "第一版正文", TimeSpan.FromSeconds(5));
            Assert.NotNull(page);

            File.WriteAllText(chapter, "# 预览\n\n第二版正文。\n");
            Assert.NotNull(await FindPageContaining(http, address, "第二版正文", TimeSpan.FromSeconds(60)));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ReadAddress(StreamReader stdout, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await stdout.ReadLineAsync(cts.Token) is { } line)
        {
            var m = ServingLine().Match(line);
            if (m.Success) return new Uri(m.Groups[1].Value);
        }
        throw new InvalidOperationException("gptbook serve never said where it serves");
    }

    /// <summary>Polls the home page and the pages it links to until one contains the text, or time runs out.</summary>
    private static async Task<string?> FindPageContaining(HttpClient http, Uri site, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            try
            {
                var index = await http.GetStringAsync(site);
                foreach (var href in PageLink().Matches(index).Select(m => m.Groups[1].Value).Prepend("").Distinct())
                {
                    var html = await http.GetStringAsync(new Uri(site, href));
                    if (html.Contains(text)) return href;
                }
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);
        return null;
    }

    [GeneratedRegex(@"serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();

    [GeneratedRegex(@"href=""([\w.-]+\.html)""")]
    private static partial Regex PageLink();
}
