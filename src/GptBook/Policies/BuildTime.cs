using System.Globalization;

namespace GptBook.Policies;

/// <summary>
/// The one instant a build stamps into its outputs (the PDF's dates and XMP, the EPUB's <c>dcterms:modified</c>
/// and zip entry times): <c>SOURCE_DATE_EPOCH</c> when it is set (the reproducible-builds convention), otherwise
/// the content's fingerprint time: the book's date (1980-01-01, the earliest a zip entry records, for a book
/// without one), at the second of that day that the content's fingerprint names. Never the clock, so the same input
/// gives the same bytes; and two versions of a book with one date still differ in <c>dcterms:modified</c>, which
/// with the identifier is the EPUB's release identifier (readers tell editions apart by it). The variable is read
/// and checked once, before any stage runs; every writer takes the instant from here.
/// </summary>
public static class BuildTime
{
    public const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";

    /// <summary>The latest instant every output can record: the PDF's dates have four-digit years.</summary>
    public static readonly DateTimeOffset Latest = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>The largest value <c>SOURCE_DATE_EPOCH</c> may have: <see cref="Latest"/> in seconds.</summary>
    public static readonly long LatestSeconds = Latest.ToUnixTimeSeconds();

    /// <summary>
    /// Reads a <c>SOURCE_DATE_EPOCH</c> value as the convention defines it: the decimal digits of a whole number
    /// of seconds since 1970-01-01T00:00:00Z, nothing else (no sign, no spaces, no fraction). An unset or empty
    /// variable means "not given". Returns false, with the reason, for anything else or for a value past
    /// <see cref="Latest"/>: the user asked for a reproducible time, and silently using another would defeat that.
    /// </summary>
    public static bool TryParseSourceDateEpoch(string? value, out DateTimeOffset? instant, out string? problem)
    {
        instant = null;
        problem = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (!value.All(char.IsAsciiDigit))
        {
            problem = $"{SourceDateEpochVariable}='{ShownText.Of(value, 40)}' is not a whole number of seconds since 1970 (only the digits 0–9 are allowed)";
            return false;
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > LatestSeconds)
        {
            problem = $"{SourceDateEpochVariable}={ShownText.Of(value, 40)} lies after {Latest:yyyy-MM-dd}, the last date a PDF can record (at most {LatestSeconds})";
            return false;
        }
        instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>
    /// The build's instant: the parsed <c>SOURCE_DATE_EPOCH</c>; else the book's date, UTC, at
    /// <see cref="SecondOfDay"/> of <paramref name="contentFingerprint"/> (midnight before the content is known).
    /// </summary>
    public static DateTimeOffset Resolve(DateOnly bookDate, DateTimeOffset? sourceDateEpoch, string? contentFingerprint = null) =>
        sourceDateEpoch ?? new DateTimeOffset(bookDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            .AddSeconds(contentFingerprint == null ? 0 : SecondOfDay(contentFingerprint));

    /// <summary>
    /// The second of the day (0–86398, even: zip entries keep two-second steps) that a hex fingerprint names: its
    /// first eight digits, modulo one day. Anything not hex counts as zero.
    /// </summary>
    public static int SecondOfDay(string fingerprint)
    {
        var head = fingerprint.Length >= 8 ? fingerprint[..8] : fingerprint;
        if (!uint.TryParse(head, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)) return 0;
        return (int)(value % (86400 / 2)) * 2;
    }
}
