using System.Collections.Concurrent;
using System.Text;

namespace GptBook.Layout.Text;

/// <summary>
/// Liang's hyphenation (the algorithm of TeX, F. M. Liang 1983) with TeX's US English patterns and exception lists
/// (assets/hyphenation/, compiled in unmodified). A word's letters are matched against every pattern that occurs in
/// it; between two letters the highest digit of the patterns covering that place wins, and an odd digit allows a
/// hyphen. Exceptions override the patterns. At least <see cref="LeftMin"/> letters stay before a hyphen and
/// <see cref="RightMin"/> after it (TeX's \lefthyphenmin and \righthyphenmin for English). Only words of ASCII
/// letters are hyphenated; a word with digits, marks or other scripts is left whole (GPT-3, x86, naïve).
/// Results are cached per word in a concurrent map (a word two threads meet at once is computed twice, to the same
/// points), so one instance serves every thread of the layout without a lock.
/// </summary>
internal sealed class Hyphenator
{
    public const int LeftMin = 2;
    public const int RightMin = 3;

    private static readonly Lazy<Hyphenator> English = new(() =>
        new Hyphenator(Resource("hyphen.tex"), Resource("ushyphex.tex")));

    private readonly Dictionary<string, byte[]> _patterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _exceptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly int _longestPattern;

    /// <summary>Builds a hyphenator from TeX pattern files: <c>\patterns{…}</c> and <c>\hyphenation{…}</c> groups.</summary>
    public Hyphenator(params string[] texFiles)
    {
        foreach (var file in texFiles)
            foreach (var (command, words) in Groups(file))
                foreach (var word in words)
                {
                    if (command == "patterns") AddPattern(word);
                    else if (command == "hyphenation") AddException(word);
                }
        _longestPattern = _patterns.Keys.Max(k => k.Length);
    }

    public static Hyphenator UsEnglish => English.Value;

    public int PatternCount => _patterns.Count;

    public int ExceptionCount => _exceptions.Count;

    /// <summary>
    /// Where <paramref name="word"/> may take a hyphen: the indices k (LeftMin ≤ k ≤ length − RightMin) such that
    /// a hyphen may go between letters k − 1 and k. Empty for a word that is not all ASCII letters or too short.
    /// </summary>
    public IReadOnlyList<int> Points(string word)
    {
        if (word.Length < LeftMin + RightMin) return [];
        foreach (var c in word) if (!char.IsAsciiLetter(c)) return [];
        var lower = word.ToLowerInvariant();
        return _cache.GetOrAdd(lower, static (w, self) => self._exceptions.TryGetValue(w, out var exception) ? exception : self.Compute(w), this);
    }

    private int[] Compute(string word)
    {
        var dotted = "." + word + ".";
        var values = new byte[dotted.Length + 1];
        var lookup = _patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < dotted.Length; start++)
            for (var length = 1; length <= _longestPattern && start + length <= dotted.Length; length++)
            {
                if (!lookup.TryGetValue(dotted.AsSpan(start, length), out var digits)) continue;
                for (var k = 0; k < digits.Length; k++)
                    if (digits[k] > values[start + k]) values[start + k] = digits[k];
            }
        // values[i] is the value before dotted[i]; a hyphen before word[k] is before dotted[k + 1].
        var points = new List<int>();
        for (var k = LeftMin; k <= word.Length - RightMin; k++)
            if (values[k + 1] % 2 == 1) points.Add(k);
        return points.ToArray();
    }

    /// <summary>"a1b2c" → letters "abc", digits [0,1,2,0]: the digit before each letter and one after the last.</summary>
    private void AddPattern(string pattern)
    {
        var letters = new StringBuilder();
        var digits = new List<byte> { 0 };
        foreach (var c in pattern)
        {
            if (char.IsAsciiDigit(c)) digits[^1] = (byte)(c - '0');
            else
            {
                letters.Append(c);
                digits.Add(0);
            }
        }
        _patterns[letters.ToString()] = digits.ToArray();
    }

    /// <summary>"as-so-ciate" → "associate" with hyphens after letters 2 and 4.</summary>
    private void AddException(string word)
    {
        var letters = new StringBuilder();
        var points = new List<int>();
        foreach (var c in word)
        {
            if (c == '-') points.Add(letters.Length);
            else letters.Append(char.ToLowerInvariant(c));
        }
        var w = letters.ToString();
        _exceptions[w] = points.Where(k => k >= LeftMin && k <= w.Length - RightMin).ToArray();
    }

    /// <summary>The words of each <c>\name{…}</c> group of a TeX file, comments (from % to the line end) removed.</summary>
    private static IEnumerable<(string Command, List<string> Words)> Groups(string tex)
    {
        var text = string.Join('\n', tex.Split('\n').Select(line => line.IndexOf('%') is var at and >= 0 ? line[..at] : line));
        var i = 0;
        while ((i = text.IndexOf('\\', i)) >= 0)
        {
            var open = text.IndexOf('{', i);
            if (open < 0) yield break;
            var command = text[(i + 1)..open].Trim();
            var close = text.IndexOf('}', open);
            if (close < 0) yield break;
            var words = text[(open + 1)..close].Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
            yield return (command, words);
            i = close + 1;
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(Hyphenator).Assembly.GetManifestResourceStream("GptBook.Layout.Hyphenation." + name)
            ?? throw new InvalidOperationException($"the hyphenation patterns {name} are not compiled into the library");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
