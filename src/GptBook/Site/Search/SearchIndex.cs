using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GptBook.Site.Search;

/// <summary>
/// The search index, built once at build time and carried by search.html as a JSON data block (not a script: the
/// page's policy allows only site.js to run, and a data block needs no request, so search works from file://).
/// It holds each section's page, anchor, heading, chapter and text (for checking matches and showing snippets), and
/// the inverted index: every ideographic pair and every word, each with the sections that contain it (as gaps between
/// section numbers, which compress well). The browser intersects the lists of a query's keys, then confirms the
/// candidates against their text.
/// <para>Why pairs and not a segmenter such as jieba.NET or Lucene.Net's SmartCn: the query is split in the browser,
/// and it must be split exactly as the text was. A segmenter would have to ship its dictionary (megabytes) to every
/// reader, and still miss words it cuts differently in the text and the query (模型 inside 大模型, names, new
/// terms). Pairs need nothing but the characters, find every word of two or more characters, and the check against
/// the text removes the false matches pairs alone would allow (北京 in 北京都 "…").</para>
/// </summary>
public static class SearchIndex
{
    /// <summary>Every character as it is except the few that HTML treats specially (&amp;, &lt;, &gt;, quotes),
    /// which are written as \u escapes: the JSON can then sit in a page's script element unchanged, and reads the
    /// same to an HTML and an XML parser.</summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static string ToJson(IReadOnlyList<SearchSection> sections)
    {
        var pages = sections.Select(s => s.Page).Distinct().ToList();
        var chapters = sections.Select(s => s.Chapter).Distinct().ToList();
        var pairs = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var words = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sections.Count; i++)
        {
            var (sectionPairs, sectionWords) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            SearchText.Keys(SearchText.Fold(sections[i].Heading + " " + sections[i].Text), sectionPairs, sectionWords);
            foreach (var pair in sectionPairs) Postings(pairs, pair).Add(i);
            foreach (var word in sectionWords) Postings(words, word).Add(i);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            WriteStrings(json, "pages", pages);
            WriteStrings(json, "chapters", chapters);
            json.WriteStartArray("sections");
            foreach (var s in sections)
            {
                json.WriteStartArray();
                json.WriteNumberValue(pages.IndexOf(s.Page));
                json.WriteStringValue(s.Anchor);
                json.WriteStringValue(s.Heading);
                json.WriteNumberValue(chapters.IndexOf(s.Chapter));
                json.WriteEndArray();
            }
            json.WriteEndArray();
            WriteStrings(json, "texts", sections.Select(s => s.Text));
            json.WriteString("pairs", string.Concat(pairs.Keys));
            WritePostings(json, "pairPostings", pairs.Values);
            WriteStrings(json, "words", words.Keys);
            WritePostings(json, "wordPostings", words.Values);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<int> Postings(SortedDictionary<string, List<int>> index, string key)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        return list;
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    /// <summary>Each list as the gaps between its ascending section numbers (the first counted from 0).</summary>
    private static void WritePostings(Utf8JsonWriter json, string name, IEnumerable<List<int>> lists)
    {
        json.WriteStartArray(name);
        foreach (var list in lists)
        {
            json.WriteStartArray();
            var previous = 0;
            foreach (var n in list)
            {
                json.WriteNumberValue(n - previous);
                previous = n;
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
