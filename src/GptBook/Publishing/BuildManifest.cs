using System.Security.Cryptography;
using System.Text.Json;
using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.IO;

namespace GptBook.Publishing;

/// <summary>
/// What the last successful build in an output folder was made from (its <see cref="BuildFingerprint"/>), the
/// files it wrote with their hashes, and the diagnostics its later stages reported (so that an up-to-date rerun
/// reports the same warnings). Kept in <c>&lt;output&gt;/.cache/build.json</c>.
/// </summary>
public sealed record BuildManifest(string Fingerprint, IReadOnlyDictionary<string, string> OutputHashes, IReadOnlyList<Diagnostic> Diagnostics, int Pages)
{
    public static string PathIn(string outputDirectory) => Path.Combine(outputDirectory, ".cache", "build.json");

    /// <summary>True when every recorded output still exists with the bytes the last build wrote.</summary>
    public bool OutputsIntact(string outputDirectory) =>
        OutputHashes.Count > 0 && OutputHashes.All(o =>
        {
            var path = Path.Combine(outputDirectory, o.Key);
            return File.Exists(path) && HashFile(path) == o.Value;
        });

    /// <summary>Every file under the given outputs (a folder counts with all its files), by path relative to the output folder.</summary>
    public static IReadOnlyDictionary<string, string> HashOutputs(string outputDirectory, IEnumerable<string> outputs)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            var paths = Directory.Exists(output) ? Directory.GetFiles(output, "*", SearchOption.AllDirectories) : File.Exists(output) ? [output] : [];
            foreach (var path in paths)
                files[Path.GetRelativePath(outputDirectory, path).Replace('\\', '/')] = HashFile(path);
        }
        return files;
    }

    public static BuildManifest? Read(string outputDirectory)
    {
        var path = PathIn(outputDirectory);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            var outputs = root.GetProperty("outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            var diagnostics = root.GetProperty("diagnostics").EnumerateArray().Select(d => new Diagnostic(
                d.GetProperty("code").GetString()!,
                Enum.Parse<DiagnosticSeverity>(d.GetProperty("severity").GetString()!),
                d.GetProperty("message").GetString()!,
                new SourceSpan(d.GetProperty("file").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()))).ToArray();
            return new BuildManifest(root.GetProperty("fingerprint").GetString()!, outputs, diagnostics, root.GetProperty("pages").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null; // a damaged manifest only costs a full build
        }
    }

    public void Write(string outputDirectory)
    {
        AtomicFile.Write(PathIn(outputDirectory), stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("fingerprint", Fingerprint);
            json.WriteNumber("pages", Pages);
            json.WriteStartObject("outputs");
            foreach (var (file, hash) in OutputHashes) json.WriteString(file, hash);
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            // In reading order, not in the order the stages' threads happened to report them: same build, same bytes.
            foreach (var d in DiagnosticBag.InReadingOrder(Diagnostics))
            {
                json.WriteStartObject();
                json.WriteString("code", d.Code);
                json.WriteString("severity", d.Severity.ToString());
                json.WriteString("message", d.Message);
                json.WriteString("file", d.Span.File);
                json.WriteNumber("line", d.Span.Line);
                json.WriteNumber("column", d.Span.Column);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
