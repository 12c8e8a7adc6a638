using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace GptBook.Loading;

/// <summary>
/// The one Markdig pipeline every chapter is parsed with, built once and frozen (a built MarkdownPipeline is
/// immutable and safe to share between threads). Precise source locations give every node its line and column.
/// Mathematics is read by our own extension (<see cref="Formulas.MathMarkdownExtension"/>: pandoc's dollar rules,
/// display math that may interrupt a paragraph); definition lists are parsed only so that the reader can recognise
/// them and warn (GB0104) instead of letting them pass as mangled text; a table goes on where GFM ends it
/// (<see cref="TableContinuationExtension"/>); GitHub task lists, alerts and emoji shortcodes, VuePress containers (<see cref="ContainerBlocksExtension"/>), YAML front matter and
/// pandoc/kramdown attribute blocks are parsed so that none of them is printed as text (but a heading's closing
/// formula is not taken for its attributes: <see cref="HeadingFormulaAttributesGuard"/>); nothing in the pipeline
/// executes or fetches anything.
/// </summary>
public static class BookMarkdownPipeline
{
    /// <summary>
    /// Markdig's own guard against deep nesting. Deeper input makes Markdig refuse the whole file, which the
    /// chapter reader reports (GB0106); nesting up to this depth is flattened by the reader itself.
    /// </summary>
    public const int MaximumNestingDepth = 128;

    public static MarkdownPipeline Instance { get; } = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .Use<TableContinuationExtension>()
            .UseFootnotes()
            // "==text==" as Typora and Obsidian highlight; not "~sub~" and "^sup^", which would take Chinese ranges
            // ("3~5 天") and powers written in prose ("2^10") for markup.
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Marked)
            .Use<Formulas.MathMarkdownExtension>()
            .UseDefinitionLists()
            .UseAlertBlocks()
            .UseTaskLists()
            // ":rocket:" as GitHub, docsify and VuePress show it, an emoji character (text to every output); smileys
            // such as ":)" stay text, as GitHub leaves them.
            .UseEmojiAndSmiley(enableSmileys: false)
            .Use<HanEmojiShortcodeExtension>()
            .Use<ContainerBlocksExtension>()
            .UseYamlFrontMatter()
            // Last, as Markdig requires: "{#id .class}" after a heading (and after other constructs) is read as
            // attributes, so it is applied or dropped, never printed.
            .UseGenericAttributes()
            // After it, since it wraps the heading attributes the line above installs: a brace of a formula that
            // ends a heading stays in the heading.
            .Use<HeadingFormulaAttributesGuard>();
        builder.MaximumNestingDepth = MaximumNestingDepth;
        return builder.Build();
    }
}
