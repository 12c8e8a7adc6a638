using System.Text;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Fonts;
using GptBook.Images;
using GptBook.Formulas;
using GptBook.Layout;
using GptBook.Layout.Formulas;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Tests.Fonts;
using GptBook.Tests.Support;

namespace GptBook.Tests.Layout;

/// <summary>
/// The body's blocks are set on several threads (<see cref="BodyBoxBuilder"/>). Whatever the number of threads,
/// the pages must be those one thread makes, and the diagnostics the same, in the same order: a missing character
/// reported once, at its first place in the book, and a footnote placed with its first reference.
/// </summary>
public sealed class ParallelLayoutTests
{
    private static (string Pages, IReadOnlyList<Diagnostic> Diagnostics) Layout(Book book, int threads, ITextMeasurer measurer, ILineComposer composer)
    {
        var diagnostics = new DiagnosticBag();
        var context = new LayoutContext(new PdfOptions(), measurer, composer, ImageCatalog.Empty, LanguageLabels.For(book.Metadata.Language), diagnostics);
        var layout = new BookLayoutEngine(context) { Parallelism = threads }.Layout(book);
        return (Dump(layout), diagnostics.Items);
    }

    /// <summary>Every page's label and every fragment with its values and the path of its structure element.</summary>
    private static string Dump(BookLayout layout)
    {
        var text = new StringBuilder();
        foreach (var page in layout.Pages)
        {
            text.Append("page ").Append(page.Index).Append(' ').Append(page.Label).Append(' ').Append(page.Kind).AppendLine();
            foreach (var fragment in page.Fragments)
            {
                text.Append("  ").Append(fragment);
                if (fragment.Structure is { } node)
                    text.Append(" in ").AppendJoin('/', node.PathFromRoot().Select(n => $"{n.Tag}[{n.Language}|{n.AltText}|{n.LinkTarget}]"));
                text.AppendLine();
            }
        }
        return text.ToString();
    }

    [Fact]
    public void The_article_is_laid_out_the_same_on_one_thread_and_on_four()
    {
        var (article, _) = LoadedBook.From(RepositoryPaths.BookYml);
        Assert.True(article.Chapters.Sum(c => c.Blocks.Count) > 4 * 4 * 2, "the article should give each of 16 runs several blocks");
        var fonts = FontSet.Load(Path.Combine(RepositoryPaths.Root, "assets", "fonts"));
        var measurer = new FontMetricsMeasurer(fonts);
        var composer = new ParagraphLineComposer(new ParagraphComposer(measurer));

        var one = Layout(article, 1, measurer, composer);
        var four = Layout(article, 4, measurer, composer);

        Assert.Contains("TextFragment", one.Pages);
        Assert.Equal(one.Pages, four.Pages);
        Assert.Equal(one.Diagnostics, four.Diagnostics);
    }

    [Fact]
    public void Missing_characters_and_footnotes_come_out_as_on_one_thread_whatever_the_number_of_threads()
    {
        // ☃ and ☄ are in no face. ☃ first appears in chapter 1, ☄ first in a footnote of chapter 2 (set while the
        // chapter's blocks are put in order), then both again in later chapters.
        var measurer = new FixedAdvanceMeasurer(c => c is not ('☃' or '☄'));
        var composer = new FixedLineComposer(measurer);
        var book = ThreeChapters(new Dictionary<(int Chapter, int Line), string>
        {
            [(1, 6)] = "雪人☃出现。",
            [(2, 3)] = "又见雪人☃。",
            [(3, 2)] = "彗星☄与雪人☃。",
        });

        var one = Layout(book, 1, measurer, composer);
        var missing = one.Diagnostics.Where(d => d.Code == DiagnosticCodes.GlyphMissing.Id).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Equal(("ch1.md", 6), (missing[0].Span.File, missing[0].Span.Line));
        Assert.Contains("U+2603", missing[0].Message);
        Assert.Equal(("ch2.md", 100), (missing[1].Span.File, missing[1].Span.Line));
        Assert.Contains("U+2604", missing[1].Message);
        // Each chapter's note is set once, though referenced twice.
        Assert.Equal(3, one.Pages.Split("{ Text = 注文").Length - 1);

        foreach (var threads in new[] { 2, 3, 8 })
        {
            var many = Layout(book, threads, measurer, composer);
            Assert.Equal(one.Pages, many.Pages);
            Assert.Equal(one.Diagnostics, many.Diagnostics);
        }
    }

    [Fact]
    public void A_formula_the_book_repeats_is_typeset_once_whichever_thread_sets_it()
    {
        // Every paragraph of the three chapters has the same formula: with four threads the 39 blocks are 16 runs, each
        // with a context of its own, and the formula's boxes must still be set once, for the whole layout.
        var measurer = new FontMetricsMeasurer(BundledFonts.Set);
        var book = ThreeChapters([]);
        var formula = MathParser.Parse(@"\mathbf{H}_t^{2}", false, MathMacroTable.Empty);
        book = book with
        {
            Chapters = book.Chapters.Select(c => c with
            {
                Blocks = c.Blocks.Select(b => b is Paragraph p ? p with { Content = [.. p.Content, new InlineMath(formula, p.Span)] } : b).ToList(),
            }).ToList(),
        };
        var diagnostics = new DiagnosticBag();
        var context = new LayoutContext(new PdfOptions(), measurer, new ParagraphLineComposer(new ParagraphComposer(measurer)), ImageCatalog.Empty,
            LanguageLabels.Chinese, diagnostics);
        var layout = new BookLayoutEngine(context) { Parallelism = 4 }.Layout(book);

        var set = layout.Pages.SelectMany(p => p.Fragments).OfType<FormulaFragment>().ToList();
        Assert.Equal(3 * 12, set.Count);
        Assert.Single(set.Select(f => f.Box).Distinct(ReferenceEqualityComparer.Instance));
    }

    /// <summary>
    /// Three chapters of 12 paragraphs (paragraph n on line n of chNN.md), each chapter with a note referenced from
    /// lines 4 and 11; chapter 2's note (line 100) has a ☄.
    /// </summary>
    private static Book ThreeChapters(Dictionary<(int Chapter, int Line), string> special)
    {
        var chapters = new List<Chapter>();
        for (var c = 1; c <= 3; c++)
        {
            var file = $"ch{c}.md";
            SourceSpan At(int line) => new(file, line, 1);
            var blocks = new List<Block> { new Heading(1, [new Model.Text($"第{c}章", At(1))], $"ch{c}", At(1)) };
            for (var line = 2; line <= 13; line++)
            {
                var text = special.GetValueOrDefault((c, line)) ?? string.Concat(Enumerable.Repeat($"第{c}章第{line}段的文字。", 6));
                List<Inline> content = [new Model.Text(text, At(line))];
                if (line is 4 or 11) content.Add(new FootnoteReference($"n{c}", 1, At(line)));
                blocks.Add(new Paragraph(content, At(line)));
            }
            var note = new Footnote($"n{c}", 1, "1", [new Paragraph([new Model.Text(c == 2 ? "注文☄。" : "注文。", At(100))], At(100))], At(100));
            chapters.Add(new Chapter($"ch{c}", file, blocks, [note]));
        }
        var meta = new BookMetadata("three", "三章", null, "zh-CN", ["作者"], new DateOnly(2026, 1, 1), null, []);
        return new Book(meta, chapters);
    }
}
