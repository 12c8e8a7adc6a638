using GptBook.Model;

namespace GptBook.Normalization;

/// <summary>
/// A figure's caption written as the paragraph right under it. Notion exports a captioned image as the image with
/// the caption as alt text, followed by the caption again as a paragraph; books for GitHub and docsify put the
/// author's numbered caption on a line of its own under the picture (<c>&lt;p align="center"&gt;图 2-1 …&lt;/p&gt;</c>,
/// or a plain paragraph): a short line that starts with the author's label (<see cref="OwnFigureLabel"/>) and is no
/// sentence ("图 2-1 展示了……。" is one). Either paragraph becomes the figure's caption, unless the figure has its
/// own (one other than its alt text), and is shown once: the paragraph is removed.
/// </summary>
public static class RepeatedCaptionRule
{
    public static List<Block> Apply(List<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is Figure figure && i + 1 < blocks.Count && blocks[i + 1] is Paragraph next
                && (figure.Image.Alt.Length > 0 && SameText(figure.Image.Alt, next.PlainTextOf())
                    || !HasOwnCaption(figure) && IsCaptionLine(next.PlainTextOf())))
            {
                result.Add(figure with { Caption = next.Content });
                i++;
                continue;
            }
            result.Add(blocks[i]);
        }
        return result;
    }

    /// <summary>A caption the author wrote for the figure, not the alt text it falls back on.</summary>
    private static bool HasOwnCaption(Figure figure) => figure.HasCaption && !SameText(Inline.PlainText(figure.Caption), figure.Image.Alt);

    private static bool IsCaptionLine(string text) =>
        OwnFigureLabel.StartsWith(text) && text.Trim().Length <= MaxCaptionLine && text.IndexOfAny(SentenceEnds) < 0;

    /// <summary>Longer than this, a line under a picture that names it is a paragraph about it.</summary>
    private const int MaxCaptionLine = 80;

    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '\n'];

    private static bool SameText(string a, string b) => Collapse(a) == Collapse(b);

    private static string Collapse(string s) => string.Join(" ", s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string PlainTextOf(this Paragraph p) => Inline.PlainText(p.Content);
}
