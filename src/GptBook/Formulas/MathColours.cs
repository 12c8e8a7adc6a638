using System.Globalization;

namespace GptBook.Formulas;

/// <summary>
/// The colours \color and \textcolor accept, as <c>#rrggbb</c>: the names of LaTeX's xcolor (base and the common
/// dvipsnames) and of CSS that notes written for MathJax and KaTeX use, <c>#rgb</c> and <c>#rrggbb</c>, and
/// xcolor's models <c>[HTML]{FF0000}</c>, <c>[rgb]{1,0,0}</c> and <c>[RGB]{255,0,0}</c>.
/// </summary>
internal static class MathColours
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = "#000000", ["white"] = "#ffffff", ["red"] = "#ff0000", ["green"] = "#008000", ["blue"] = "#0000ff",
        ["cyan"] = "#00ffff", ["magenta"] = "#ff00ff", ["yellow"] = "#ffff00", ["gray"] = "#808080", ["grey"] = "#808080",
        ["darkgray"] = "#404040", ["lightgray"] = "#bfbfbf", ["brown"] = "#bf8040", ["lime"] = "#bfff00", ["olive"] = "#808000",
        ["orange"] = "#ff8000", ["pink"] = "#ffbfbf", ["purple"] = "#bf0040", ["teal"] = "#008080", ["violet"] = "#800080",
        ["navy"] = "#000080", ["maroon"] = "#800000", ["silver"] = "#c0c0c0", ["gold"] = "#ffd700", ["crimson"] = "#dc143c",
        ["darkred"] = "#8b0000", ["darkgreen"] = "#006400", ["darkblue"] = "#00008b", ["darkorange"] = "#ff8c00",
        ["orangered"] = "#ff4500", ["royalblue"] = "#4169e1", ["skyblue"] = "#87ceeb", ["forestgreen"] = "#228b22",
        ["seagreen"] = "#2e8b57", ["indigo"] = "#4b0082", ["tomato"] = "#ff6347", ["coral"] = "#ff7f50", ["salmon"] = "#fa8072",
        ["steelblue"] = "#4682b4", ["dodgerblue"] = "#1e90ff", ["deepskyblue"] = "#00bfff", ["limegreen"] = "#32cd32",
        ["goldenrod"] = "#daa520", ["firebrick"] = "#b22222", ["chocolate"] = "#d2691e", ["tan"] = "#d2b48c",
        ["aqua"] = "#00ffff", ["fuchsia"] = "#ff00ff", ["lightblue"] = "#add8e6", ["lightgreen"] = "#90ee90",
        ["cornflowerblue"] = "#6495ed", ["midnightblue"] = "#191970", ["bittersweet"] = "#c04f17", ["emerald"] = "#00a99d",
        ["junglegreen"] = "#00a99a", ["mahogany"] = "#a9341f", ["plum"] = "#92268f", ["rubinered"] = "#ed017d",
        ["bluegreen"] = "#00b3b8", ["brickred"] = "#b6321c", ["cerulean"] = "#00a2e3", ["periwinkle"] = "#7977b8",
        ["rawsienna"] = "#974006", ["redorange"] = "#f26035", ["royalpurple"] = "#613f99", ["sepia"] = "#671800",
        ["orchid"] = "#af72b0", ["aquamarine"] = "#00b5be", ["apricot"] = "#fbb982", ["melon"] = "#f89e7b",
    };

    /// <summary>The colour as <c>#rrggbb</c>, or null when it is none of the accepted forms.</summary>
    /// <param name="model">xcolor's optional model (<c>HTML</c>, <c>rgb</c>, <c>RGB</c>), or null.</param>
    public static string? Parse(string? model, string value)
    {
        value = value.Trim();
        switch (model?.Trim())
        {
            case null or "" when value.StartsWith('#'):
                return Hex(value[1..]);
            case null or "":
                return Named.GetValueOrDefault(value);
            case "HTML":
                return Hex(value);
            case "rgb" or "RGB":
                var parts = value.Split(',');
                if (parts.Length != 3) return null;
                var channels = new int[3];
                for (var i = 0; i < 3; i++)
                {
                    if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return null;
                    var scaled = model == "rgb" ? v * 255 : v;
                    if (scaled is < 0 or > 255.5) return null;
                    channels[i] = (int)Math.Round(scaled);
                }
                return string.Create(CultureInfo.InvariantCulture, $"#{channels[0]:x2}{channels[1]:x2}{channels[2]:x2}");
            default:
                return null;
        }
    }

    private static string? Hex(string digits)
    {
        if (digits.Length is not (3 or 6) || !digits.All(char.IsAsciiHexDigit)) return null;
        var full = digits.Length == 3 ? string.Concat(digits.Select(c => new string(c, 2))) : digits;
        return "#" + full.ToLowerInvariant();
    }
}
