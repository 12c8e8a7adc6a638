using System.Globalization;

namespace GptBook.Units;

/// <summary>A length in PDF points (1/72 inch). The one unit for every layout dimension; build with the factories.</summary>
public readonly record struct Length(double Points) : IComparable<Length>
{
    public const double PointsPerMm = 72.0 / 25.4;

    public static readonly Length Zero = new(0);

    public static Length Pt(double points) => new(points);

    public static Length Mm(double millimetres) => new(millimetres * PointsPerMm);

    public double Millimetres => Points / PointsPerMm;

    public static Length operator +(Length a, Length b) => new(a.Points + b.Points);
    public static Length operator -(Length a, Length b) => new(a.Points - b.Points);
    public static Length operator -(Length a) => new(-a.Points);
    public static Length operator *(Length a, double k) => new(a.Points * k);
    public static Length operator *(double k, Length a) => new(a.Points * k);
    public static Length operator /(Length a, double k) => new(a.Points / k);
    public static double operator /(Length a, Length b) => a.Points / b.Points;
    public static bool operator <(Length a, Length b) => a.Points < b.Points;
    public static bool operator >(Length a, Length b) => a.Points > b.Points;
    public static bool operator <=(Length a, Length b) => a.Points <= b.Points;
    public static bool operator >=(Length a, Length b) => a.Points >= b.Points;

    public static Length Max(Length a, Length b) => a.Points >= b.Points ? a : b;
    public static Length Min(Length a, Length b) => a.Points <= b.Points ? a : b;

    public int CompareTo(Length other) => Points.CompareTo(other.Points);

    /// <summary>
    /// Parses "148mm", "12pt", "1.5cm", "0.5in"; a bare number is millimetres (what book.yml authors expect).
    /// </summary>
    public static bool TryParse(string text, out Length length)
    {
        length = Zero;
        var t = text.Trim().ToLowerInvariant();
        (string suffix, double factor)[] units = [("mm", PointsPerMm), ("cm", 10 * PointsPerMm), ("pt", 1), ("in", 72)];
        foreach (var (suffix, factor) in units)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal)) continue;
            if (!double.TryParse(t[..^suffix.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return false;
            length = new Length(v * factor);
            return true;
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var mm)) return false;
        length = Mm(mm);
        return true;
    }

    public override string ToString() => Points.ToString("0.###", CultureInfo.InvariantCulture) + "pt";
}
