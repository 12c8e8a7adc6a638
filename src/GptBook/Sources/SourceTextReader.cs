using System.Text;
using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Sources;

/// <summary>
/// Reads a source file as strict UTF-8 (a leading BOM is dropped). Invalid bytes are never replaced silently:
/// they are reported as GB0101 with the line and column where decoding failed, and the file is not used.
/// </summary>
public static class SourceTextReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null (with a diagnostic) when it cannot be read or is not valid UTF-8.</summary>
    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.ChapterMissing, new SourceSpan(displayPath, 0, 0), $"cannot read the file: {e.Message}");
            return null;
        }
        return Decode(bytes, displayPath, diagnostics);
    }

    public static string? Decode(byte[] bytes, string displayPath, DiagnosticBag diagnostics)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var (line, column) = Locate(bytes, start, offset);
            var shown = string.Join(" ", e.BytesUnknown?.Select(b => b.ToString("X2")) ?? []);
            diagnostics.Report(DiagnosticCodes.InvalidUtf8, new SourceSpan(displayPath, line, column),
                $"the file is not valid UTF-8 (bytes {shown} at byte offset {offset}); save it as UTF-8");
            return null;
        }
    }

    /// <summary>1-based line and column (in characters) of a byte offset, decoding the valid prefix leniently.</summary>
    private static (int Line, int Column) Locate(byte[] bytes, int start, int offset)
    {
        var lineStart = start;
        var line = 1;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            line++;
            lineStart = i + 1;
        }
        var column = Encoding.UTF8.GetCharCount(bytes, lineStart, Math.Max(0, offset - lineStart)) + 1;
        return (line, column);
    }
}
