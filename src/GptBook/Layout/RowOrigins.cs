using System.Text;
using GptBook.Model;

namespace GptBook.Layout;

/// <summary>
/// Records on each row where in the model its content begins, so the layout can say where every page begins
/// (<see cref="BookLayout.PageMap"/>). In a paragraph or heading each line is placed by the number of characters
/// before it and its first characters; any other block's rows all point at the block's start, since the EPUB
/// marks a page there. Rows that already have an origin (those of a block nested in a list or quote) keep it.
/// </summary>
public static class RowOrigins
{
    private const int LeadLength = 8;

    public static RowSequence Stamp(RowSequence seq, Block block)
    {
        var byLine = block is Paragraph or Heading;
        var offset = 0;
        var first = true;
        for (var i = 0; i < seq.Count; i++)
        {
            var row = seq.Rows[i];
            var text = LineText(row);
            if (row.Origin == null && (row.Fragments.Count > 0 || row.KeepAtTop))
            {
                var origin = first || !byLine ? ModelPosition.StartOf(block) : new ModelPosition(block, offset, text[..Math.Min(LeadLength, text.Length)]);
                seq.Rows[i] = row with { Origin = origin };
                first = false;
            }
            offset += text.Length;
        }
        return seq;
    }

    /// <summary>The text a row sets, as copy-and-paste gives it (marks the composer added are not text).</summary>
    private static string LineText(BoxRow row)
    {
        var sb = new StringBuilder();
        foreach (var f in row.Fragments.OfType<TextFragment>())
            if (f.Structure != null && f.Structure.Tag != "Lbl") sb.Append(f.Run.SourceText);
        return sb.ToString();
    }
}
