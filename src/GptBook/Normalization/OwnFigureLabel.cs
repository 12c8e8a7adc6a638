using System.Text.RegularExpressions;

namespace GptBook.Normalization;

/// <summary>
/// The label an author numbers a figure with by hand ("图2.1", "圖 3", "Figure 3-1", "Fig. 2"), as books written for
/// GitHub and docsify do: a caption that starts with one is printed as written, and a short line that starts with
/// one right under a picture is its caption.
/// </summary>
public static partial class OwnFigureLabel
{
    /// <summary>Whether <paramref name="text"/> starts with such a label, then no further letter or digit.</summary>
    public static bool StartsWith(string text) => Label().IsMatch(text);

    [GeneratedRegex(@"^\s*(?:图|圖|figure|fig\.?)\s*[0-9０-９]+(?:\s*[.．\-–—_]\s*[0-9０-９]+)*(?![0-9０-９A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
