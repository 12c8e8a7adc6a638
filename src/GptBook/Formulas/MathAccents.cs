namespace GptBook.Formulas;

/// <summary>The accent commands: the spacing character MathML shows, whether it stretches over its base, and whether it goes below.</summary>
internal static class MathAccents
{
    public readonly record struct Entry(string Mark, bool Stretchy, bool Under);

    public static bool TryGet(string name, out Entry entry) => Table.TryGetValue(name, out entry);

    /// <summary>\overbrace and \underbrace take their label from the script that follows them.</summary>
    public static bool TakesLabel(string name) => name is "overbrace" or "underbrace";

    private static readonly Dictionary<string, Entry> Table = new(StringComparer.Ordinal)
    {
        ["hat"] = new("^", false, false),
        ["widehat"] = new("^", true, false),
        ["tilde"] = new("~", false, false),
        ["widetilde"] = new("~", true, false),
        ["bar"] = new("¯", false, false),
        ["vec"] = new("→", false, false),
        ["dot"] = new("˙", false, false),
        ["ddot"] = new("¨", false, false),
        ["dddot"] = new("⃛", false, false),
        ["check"] = new("ˇ", false, false),
        ["breve"] = new("˘", false, false),
        ["acute"] = new("´", false, false),
        ["grave"] = new("`", false, false),
        ["mathring"] = new("˚", false, false),
        ["overline"] = new("‾", true, false),
        ["underline"] = new("_", true, true),
        ["overrightarrow"] = new("→", true, false),
        ["overleftarrow"] = new("←", true, false),
        ["overleftrightarrow"] = new("↔", true, false),
        ["underrightarrow"] = new("→", true, true),
        ["underleftarrow"] = new("←", true, true),
        ["overbrace"] = new("⏞", true, false),
        ["underbrace"] = new("⏟", true, true),
    };
}
