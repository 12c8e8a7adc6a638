using System.Globalization;

namespace GptBook.Site;

/// <summary>A file size as a reader wants to see it on a download button: "850 B", "12 kB", "1.2 MB" (SI units).</summary>
public static class ByteSizeText
{
    public static string Format(long bytes) => bytes switch
    {
        < 1000 => $"{bytes} B",
        < 100_000 => Units(bytes / 1e3, "kB", decimals: 1),
        < 1_000_000 => Units(bytes / 1e3, "kB", decimals: 0),
        < 100_000_000 => Units(bytes / 1e6, "MB", decimals: 1),
        _ => Units(bytes / 1e6, "MB", decimals: 0),
    };

    private static string Units(double value, string unit, int decimals) =>
        Math.Round(value, decimals).ToString(decimals == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + unit;
}
