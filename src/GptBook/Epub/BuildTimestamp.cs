using System.Globalization;

namespace GptBook.Epub;

/// <summary>
/// The one instant a build stamps into its outputs (<c>dcterms:modified</c>, zip entry times): SOURCE_DATE_EPOCH
/// when it is set (the reproducible-builds convention), otherwise midnight UTC of the book's date. Never the clock,
/// so the same input gives the same bytes.
/// </summary>
public static class BuildTimestamp
{
    public static DateTimeOffset Resolve(DateOnly bookDate, string? sourceDateEpoch)
    {
        if (long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new DateTimeOffset(bookDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    public static DateTimeOffset FromEnvironment(DateOnly bookDate) =>
        Resolve(bookDate, Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"));

    /// <summary>The W3C form EPUB requires for <c>dcterms:modified</c>: <c>2026-11-30T00:00:00Z</c>.</summary>
    public static string W3C(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
