using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GptBook.Configuration;

/// <summary>
/// Reads what a chapter's YAML front matter (docsify, VuePress, Jekyll) says about the chapter: its title. The
/// rest (layout, tags, dates for a blog engine) means nothing to a book and is ignored; the block is never printed.
/// </summary>
public static class FrontMatterReader
{
    /// <summary>
    /// Reads the front matter's <c>title:</c> (null when it has none). False when the front matter is not YAML, for
    /// the reader to report: it is still not printed.
    /// </summary>
    public static bool TryReadTitle(string frontMatter, out string? title)
    {
        title = null;
        var body = string.Join('\n', frontMatter.Split('\n').Where(line => line.TrimEnd() is not ("---" or "...")));
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(body));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping
                && mapping.Children.TryGetValue(new YamlScalarNode("title"), out var node) && node is YamlScalarNode { Value: { } value })
                title = value.Trim();
            return true;
        }
        catch (YamlException)
        {
            return false;
        }
    }
}
