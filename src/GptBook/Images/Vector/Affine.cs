namespace GptBook.Images.Vector;

/// <summary>
/// A 2-D affine transform as SVG writes it, <c>matrix(a b c d e f)</c>: x' = a·x + c·y + e, y' = b·x + d·y + f.
/// </summary>
public readonly record struct Affine(double A, double B, double C, double D, double E, double F)
{
    public static Affine Identity { get; } = new(1, 0, 0, 1, 0, 0);

    public static Affine Translate(double x, double y) => new(1, 0, 0, 1, x, y);

    public static Affine Scale(double x, double y) => new(x, 0, 0, y, 0, 0);

    public static Affine Rotate(double degrees)
    {
        var r = degrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(r);
        return new Affine(cos, sin, -sin, cos, 0, 0);
    }

    public static Affine SkewX(double degrees) => new(1, 0, Math.Tan(degrees * Math.PI / 180), 1, 0, 0);

    public static Affine SkewY(double degrees) => new(1, Math.Tan(degrees * Math.PI / 180), 0, 1, 0, 0);

    /// <summary>This transform applied after <paramref name="inner"/>: points go through <paramref name="inner"/> first.</summary>
    public Affine Then(Affine outer) => outer * this;

    /// <summary>The composition <c>outer * inner</c>: apply <paramref name="inner"/>, then <paramref name="outer"/>.</summary>
    public static Affine operator *(Affine outer, Affine inner) => new(
        outer.A * inner.A + outer.C * inner.B,
        outer.B * inner.A + outer.D * inner.B,
        outer.A * inner.C + outer.C * inner.D,
        outer.B * inner.C + outer.D * inner.D,
        outer.A * inner.E + outer.C * inner.F + outer.E,
        outer.B * inner.E + outer.D * inner.F + outer.F);

    public (double X, double Y) Apply(double x, double y) => (A * x + C * y + E, B * x + D * y + F);

    public double Determinant => A * D - B * C;

    /// <summary>How much a length grows on average (the square root of the area factor), for stroke widths and font sizes.</summary>
    public double MeanScale => Math.Sqrt(Math.Abs(Determinant));

    public bool IsFinite => double.IsFinite(A) && double.IsFinite(B) && double.IsFinite(C) && double.IsFinite(D) && double.IsFinite(E) && double.IsFinite(F);
}
