using GptBook.Layout.Text;
using GptBook.Fonts;

namespace GptBook.Tests.Text;

/// <summary>Reads composed lines back: their text, and where each character's advance box starts and ends.</summary>
internal static class ComposedText
{
    public static string Drawn(ComposedLine line) => string.Concat(line.Runs.Select(r => r.Text));

    public static string Copied(ComposedLine line) => string.Concat(line.Runs.Select(r => r.SourceText));

    public static string Copied(IEnumerable<ComposedLine> lines) => string.Concat(lines.Select(Copied));

    /// <summary>Each drawn character with the x where its advance box starts and ends, as the PDF writer places it.</summary>
    public static List<(string Char, double Start, double End)> Glyphs(ComposedLine line, ITextMeasurer measurer)
    {
        var result = new List<(string, double, double)>();
        foreach (var run in line.Runs)
        {
            var x = run.X.Points;
            foreach (var rune in run.Text.EnumerateRunes())
            {
                var advance = measurer.Advance(run.Style.Font, rune.Value) * run.Style.Size.Points;
                result.Add((rune.ToString(), x, x + advance));
                x += advance + run.LetterSpacing.Points;
            }
        }
        return result;
    }

    /// <summary>The right edge of the line's last run, as the run reports it.</summary>
    public static double End(ComposedLine line) => line.Runs.Count == 0 ? 0 : line.Runs[^1].X.Points + line.Runs[^1].Width.Points;
}
