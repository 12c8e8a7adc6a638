using GptBook.Model;

namespace GptBook.Normalization;

/// <summary>
/// Notion exports a captioned image as the image with the caption as alt text, followed by the caption again as
/// a paragraph. That paragraph becomes the figure's caption, and is shown once: the paragraph is removed.
/// </summary>
public static class RepeatedCaptionRule
{
    public static List<Block> Apply(List<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is Figure figure && i + 1 < blocks.Count && blocks[i + 1] is Paragraph next
                && figure.Image.Alt.Length > 0 && SameText(figure.Image.Alt, next.PlainTextOf()))
            {
                result.Add(figure with { Caption = next.Content });
                i++;
                continue;
            }
            result.Add(blocks[i]);
        }
        return result;
    }

    private static bool SameText(string a, string b) => Collapse(a) == Collapse(b);

    private static string Collapse(string s) => string.Join(" ", s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string PlainTextOf(this Paragraph p) => Inline.PlainText(p.Content);
}
