using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GptBook.Benchmarks.Typst;

/// <summary>
/// Markdown → Typst markup for the benchmark's books: the constructs the article uses (headings, paragraphs,
/// figures, links, emphasis, quotes, lists, code), so that Typst typesets the same text with the same figures.
/// Not a general converter: what it does not know it drops, which the page counts in the table would show.
/// </summary>
public static class TypstMarkup
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>
    /// The chapter at <paramref name="markdownFile"/> as Typst; image paths become absolute within
    /// <paramref name="bookRoot"/> (Typst's workspace), and headings move by <paramref name="headingShift"/> levels.
    /// </summary>
    public static string Convert(string markdownFile, string bookRoot, int headingShift = 0)
    {
        var document = Markdown.Parse(File.ReadAllText(markdownFile), Pipeline);
        var writer = new Writer(Path.GetDirectoryName(Path.GetFullPath(markdownFile))!, Path.GetFullPath(bookRoot), headingShift);
        writer.Blocks(document);
        return writer.ToString();
    }

    private sealed class Writer(string chapterDirectory, string bookRoot, int headingShift)
    {
        private readonly StringBuilder _out = new();

        public override string ToString() => _out.ToString();

        public void Blocks(ContainerBlock container)
        {
            foreach (var block in container) Block(block);
        }

        private void Block(Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    _out.Append('=', Math.Clamp(heading.Level + headingShift, 1, 6)).Append(' ');
                    Inlines(heading.Inline);
                    _out.Append("\n\n");
                    break;
                case ParagraphBlock paragraph when SoleImage(paragraph) is { } image:
                    Figure(image);
                    break;
                case ParagraphBlock paragraph:
                    Inlines(paragraph.Inline);
                    _out.Append("\n\n");
                    break;
                case QuoteBlock quote:
                    _out.Append("#quote(block: true)[\n");
                    Blocks(quote);
                    _out.Append("]\n\n");
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        _out.Append(list.IsOrdered ? "+ " : "- ").Append("#[\n");
                        Blocks(item);
                        _out.Append("]\n");
                    }
                    _out.Append('\n');
                    break;
                case FencedCodeBlock or CodeBlock:
                    _out.Append("```\n").Append(((LeafBlock)block).Lines.ToString()).Append("\n```\n\n");
                    break;
                case ThematicBreakBlock:
                    _out.Append("#line(length: 100%)\n\n");
                    break;
                case ContainerBlock other:
                    Blocks(other);
                    break;
            }
        }

        private static LinkInline? SoleImage(ParagraphBlock paragraph) =>
            paragraph.Inline?.FirstChild is LinkInline { IsImage: true } image && image.NextSibling is null ? image : null;

        private void Figure(LinkInline image)
        {
            var path = Path.GetFullPath(Path.Combine(chapterDirectory, Uri.UnescapeDataString(image.Url ?? "")));
            var inRoot = "/" + Path.GetRelativePath(bookRoot, path).Replace('\\', '/');
            _out.Append("#figure(image(").Append(Quoted(inRoot)).Append(", width: 100%), caption: [");
            Inlines(image);
            _out.Append("])\n\n");
        }

        private void Inlines(ContainerInline? container)
        {
            for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: Text(literal.Content.ToString()); break;
                    case CodeInline code: _out.Append("#raw(").Append(Quoted(code.Content)).Append(')'); break;
                    case LineBreakInline { IsHard: true }: _out.Append(" \\\n"); break;
                    case LineBreakInline: _out.Append(' '); break;
                    case EmphasisInline emphasis:
                        _out.Append(emphasis.DelimiterCount >= 2 ? "#strong[" : "#emph[");
                        Inlines(emphasis);
                        _out.Append(']');
                        break;
                    case LinkInline { IsImage: true } image:
                        Figure(image);
                        break;
                    case LinkInline link:
                        _out.Append("#link(").Append(Quoted(link.Url ?? "")).Append(")[");
                        Inlines(link);
                        _out.Append(']');
                        break;
                    case ContainerInline other:
                        Inlines(other);
                        break;
                }
            }
        }

        /// <summary>Text with every ASCII punctuation mark escaped: in Typst markup most of them mean something.</summary>
        private void Text(string text)
        {
            foreach (var c in text)
            {
                if (c < 128 && char.IsPunctuation(c) || c is '$' or '+' or '<' or '=' or '>' or '^' or '`' or '|' or '~') _out.Append('\\');
                _out.Append(c);
            }
        }

    }

    /// <summary><paramref name="s"/> as a Typst string literal.</summary>
    public static string Quoted(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
