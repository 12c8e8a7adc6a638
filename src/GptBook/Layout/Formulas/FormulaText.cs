using System.Text;

namespace GptBook.Layout.Formulas;

/// <summary>What a box reads as in plain text: its glyphs' characters in drawing order (for an inline object's text).</summary>
public static class FormulaText
{
    public static string Of(MathBox box)
    {
        var sb = new StringBuilder();
        Append(box, sb);
        return sb.ToString();
    }

    private static void Append(MathBox box, StringBuilder sb)
    {
        switch (box)
        {
            case GlyphBox g:
                sb.Append(g.Text);
                break;
            case StretchedBox s:
                sb.Append(s.StandsFor);
                break;
            case GroupBox group:
                foreach (var child in group.Children) Append(child.Box, sb);
                break;
        }
    }
}
