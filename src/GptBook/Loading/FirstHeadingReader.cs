using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GptBook.Loading;

/// <summary>The plain text of a Markdown document's first heading: the title of a book made from a single file.</summary>
public static class FirstHeadingReader
{
    public static string? Read(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, BookMarkdownPipeline.Instance);
        }
        catch (ArgumentException)
        {
            return null; // too deeply nested for Markdig: the loader reports it when it reads the chapter
        }
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        if (heading?.Inline == null) return null;
        var sb = new StringBuilder();
        foreach (var inline in heading.Inline.Descendants<Inline>())
            if (inline is LiteralInline literal) sb.Append(literal.Content.ToString());
            else if (inline is CodeInline code) sb.Append(code.Content);
            else if (inline is HtmlEntityInline entity) sb.Append(entity.Transcoded.ToString());
        var title = sb.ToString().Trim();
        return title.Length == 0 ? null : title;
    }
}
