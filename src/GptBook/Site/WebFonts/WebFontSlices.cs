using GptBook.Fonts;

namespace GptBook.Site.WebFonts;

/// <summary>
/// Cuts one face's characters into the files a browser fetches, so that the first page a reader opens stays light
/// while the whole book is fetched at most once: a base slice with the characters most pages use (a page fetches
/// it and little else), then slices of the remaining characters in the order pages first use them, so that the
/// home page and the first chapters are covered by the first slices. Each slice declares exactly its characters
/// (unicode-range), and a browser fetches only the slices whose characters the page shows. A face with few
/// characters stays one file.
/// </summary>
public static class WebFontSlices
{
    /// <summary>A character on at least this share of the pages goes into the base slice.</summary>
    public const double BaseShare = 0.1;

    /// <summary>Slices hold about this many characters (a few tens of kilobytes of Han glyphs).</summary>
    public const int SliceSize = 200;

    public static IReadOnlyList<SortedSet<int>> Cut(IReadOnlyList<IReadOnlySet<int>> pages)
    {
        var all = new SortedSet<int>(pages.SelectMany(p => p));
        if (all.Count <= SliceSize * 2) return all.Count == 0 ? [] : [all];
        // How many pages use each character, counted page by page (a page is a set: once per page).
        var pagesUsing = new Dictionary<int, int>();
        foreach (var page in pages)
            foreach (var c in page)
                pagesUsing[c] = pagesUsing.GetValueOrDefault(c) + 1;
        var baseSlice = new SortedSet<int>(all.Where(c => pagesUsing[c] >= Math.Max(2, BaseShare * pages.Count)));
        var slices = new List<SortedSet<int>> { baseSlice };
        var placed = new HashSet<int>(baseSlice);
        var current = new SortedSet<int>();
        foreach (var page in pages)
        {
            foreach (var c in page.Where(placed.Add)) current.Add(c);
            if (current.Count < SliceSize) continue;
            slices.Add(current);
            current = [];
        }
        if (current.Count > 0)
        {
            if (slices.Count > 1 && current.Count < SliceSize / 4) slices[^1].UnionWith(current);
            else slices.Add(current);
        }
        return slices.Where(s => s.Count > 0).ToArray();
    }

    /// <summary>
    /// A slice's unicode-range: its characters as ranges, each run widened over code points the face holds for no
    /// other slice (characters the book never shows), which keeps the CSS short without ever sending a character of
    /// the book to the wrong slice.
    /// </summary>
    public static string UnicodeRange(SortedSet<int> slice, SortedSet<int> faceCharacters)
    {
        var ranges = new List<(int First, int Last)>();
        foreach (var c in slice)
        {
            if (ranges.Count > 0 && (c == ranges[^1].Last + 1 || faceCharacters.GetViewBetween(ranges[^1].Last + 1, c - 1).Count == 0))
                ranges[^1] = (ranges[^1].First, c);
            else ranges.Add((c, c));
        }
        return string.Join(",", ranges.Select(r => r.First == r.Last ? $"U+{r.First:X}" : $"U+{r.First:X}-{r.Last:X}"));
    }
}
