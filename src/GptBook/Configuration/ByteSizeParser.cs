using System.Globalization;

namespace GptBook.Configuration;

/// <summary>
/// Parses a byte count: a plain number of bytes, or a number with B, KB, MB or GB (powers of 1024, as people read
/// file sizes in file managers; KiB, MiB and GiB are accepted as the same).
/// </summary>
public static class ByteSizeParser
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var t = text.Trim().ToUpperInvariant().Replace(" ", "");
        (string Suffix, long Factor)[] units =
        [
            ("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30),
            ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1),
        ];
        long factor = 1;
        foreach (var (suffix, f) in units)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal)) continue;
            t = t[..^suffix.Length];
            factor = f;
            break;
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0) return false;
        var total = value * factor;
        if (total > long.MaxValue / 2) return false;
        bytes = (long)Math.Round(total);
        return true;
    }
}
