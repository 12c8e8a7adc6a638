namespace GptBook.Formulas;

/// <summary>The big operators (\sum, \int, …) and the named operators (\lim, \max, \sin, …) with TeX's default limits.</summary>
internal static class MathOperators
{
    public static bool TryGet(string name, out MathOperator op) => Table.TryGetValue(name, out op!);

    private static readonly Dictionary<string, MathOperator> Table = Build();

    private static Dictionary<string, MathOperator> Build()
    {
        var t = new Dictionary<string, MathOperator>(StringComparer.Ordinal);
        foreach (var (name, text) in new[]
                 {
                     ("sum", "∑"), ("prod", "∏"), ("coprod", "∐"), ("bigcup", "⋃"), ("bigcap", "⋂"), ("bigoplus", "⨁"), ("bigotimes", "⨂"),
                     ("bigodot", "⨀"), ("bigvee", "⋁"), ("bigwedge", "⋀"), ("bigsqcup", "⨆"), ("biguplus", "⨄"),
                 })
            t[name] = new MathOperator(text, true, MathLimits.DisplayOnly);
        foreach (var (name, text) in new[] { ("int", "∫"), ("iint", "∬"), ("iiint", "∭"), ("oint", "∮"), ("oiint", "∯"), ("intop", "∫") })
            t[name] = new MathOperator(text, true, MathLimits.Never);
        foreach (var name in new[] { "lim", "max", "min", "sup", "inf", "det", "Pr", "gcd", "limsup", "liminf", "argmax", "argmin" })
            t[name] = new MathOperator(name switch { "limsup" => "lim sup", "liminf" => "lim inf", "argmax" => "arg max", "argmin" => "arg min", _ => name }, false, MathLimits.DisplayOnly);
        foreach (var name in new[]
                 {
                     "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "coth", "log", "ln", "lg",
                     "exp", "arg", "dim", "ker", "deg", "hom",
                 })
            t[name] = new MathOperator(name, false, MathLimits.Never);
        return t;
    }
}
