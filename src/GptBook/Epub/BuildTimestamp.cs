using System.Globalization;

namespace GptBook.Epub;

/// <summary>How the EPUB writes the build's instant (<see cref="Configuration.BookOptions.BuildTime"/>).</summary>
public static class BuildTimestamp
{
    /// <summary>The W3C form EPUB requires for <c>dcterms:modified</c>: <c>2026-11-30T00:00:00Z</c>.</summary>
    public static string W3C(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
