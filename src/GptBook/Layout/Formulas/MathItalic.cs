using System.Text;

namespace GptBook.Layout.Formulas;

/// <summary>
/// TeX's default letter shapes as Unicode mathematical alphanumerics: Latin letters and lowercase Greek in math
/// italic (𝑥, 𝛼), everything else (digits, capital Greek, symbols, letters already given a style) as it is.
/// The Mathematical Alphanumeric Symbols block has holes where a letter existed before it (italic h is U+210E).
/// </summary>
public static class MathItalic
{
    public static string Italic(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var italic = Italic(c);
            if (italic == c && sb == null) continue;
            sb ??= new StringBuilder(text, 0, i, text.Length + 8);
            if (italic == c) sb.Append(c);
            else sb.Append(char.ConvertFromUtf32(italic));
        }
        return sb?.ToString() ?? text;
    }

    private static int Italic(char c) => c switch
    {
        'h' => 0x210E,
        >= 'a' and <= 'z' => 0x1D44E + (c - 'a'),
        >= 'A' and <= 'Z' => 0x1D434 + (c - 'A'),
        >= 'α' and <= 'ω' => 0x1D6FC + (c - 'α'),
        'ϵ' => 0x1D716,
        'ϑ' => 0x1D717,
        'ϰ' => 0x1D718,
        'ϕ' => 0x1D719,
        'ϱ' => 0x1D71A,
        'ϖ' => 0x1D71B,
        _ => c,
    };
}
