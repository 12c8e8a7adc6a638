using System.Globalization;
using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// Numbers display equations in each chapter's numbering ("3.2" is the second numbered line of chapter 3, the
/// number its title states or else its place; a book of one chapter counts 1, 2, …, see <see cref="ChapterPrefixes"/>), keeps a \tag's text instead, gives every numbered line an
/// anchor id ("eq-" and its label, or "eq-3-2"), and then resolves every \eqref/\ref in the book to the number
/// and id of its \label. A label defined twice keeps its first definition (GB0603); a reference to no label stays
/// unresolved and is reported (GB0604), and writers show it marked.
/// </summary>
public sealed class EquationNumberTransform(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, MathEquationNumber> _labels = new(StringComparer.Ordinal);
    private readonly UniqueIds _ids = new();

    public Book Rewrite(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        foreach (var heading in book.Headings()) _ids.Reserve(heading.Id);
        foreach (var figure in book.Figures()) _ids.Reserve(figure.Id);
        var prefixes = ChapterPrefixes(book);
        // One count per prefix: a chapter kept in several files (one section to a file) numbers on across them.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbered = book with
        {
            Chapters = book.Chapters.Select((chapter, index) => new Numberer(this, prefixes[index], counts).Rewrite(chapter)).ToArray(),
        };
        return numbered with { Chapters = numbered.Chapters.Select(c => new Resolver(this).Rewrite(c)).ToArray() };
    }

    /// <summary>Rewrites every formula of a chapter (display blocks and math inside text) with one function.</summary>
    private abstract class FormulaRewriter : ModelRewriter
    {
        public Chapter Rewrite(Chapter chapter) => RewriteChapter(chapter);

        protected abstract MathFormula Rewrite(MathFormula formula, Model.SourceSpan span);

        protected override Block RewriteBlock(Block block) =>
            block is DisplayMath math ? math with { Formula = Rewrite(math.Formula, math.Span) } : block;

        protected override IReadOnlyList<Inline> RewriteInline(Inline inline) =>
            [inline is InlineMath math ? math with { Formula = Rewrite(math.Formula, math.Span) } : inline];
    }

    /// <summary>
    /// Each chapter's prefix (“3.”): the number its title states (<see cref="StatedChapterNumber"/>: “第三章” is 3
    /// wherever the file stands), and when no title states one, its place in the book. In a book whose titles state
    /// numbers, a chapter whose title states none (a preface, an afterword) is outside that numbering, and its
    /// equations count (1), (2) … without a prefix; so do a book of one chapter's.
    /// </summary>
    private static string[] ChapterPrefixes(Book book)
    {
        if (book.Chapters.Count == 1) return [""];
        var stated = book.Chapters.Select(c => StatedChapterNumber.Of(c.Title)).ToArray();
        if (stated.Any(n => n != null)) return stated.Select(n => n == null ? "" : n + ".").ToArray();
        return book.Chapters.Select((_, index) => (index + 1).ToString(CultureInfo.InvariantCulture) + ".").ToArray();
    }

    private sealed class Numberer(EquationNumberTransform owner, string prefix, Dictionary<string, int> counts) : FormulaRewriter
    {
        protected override MathFormula Rewrite(MathFormula formula, Model.SourceSpan span)
        {
            if (formula.Numbers.Count == 0) return formula;
            var numbers = formula.Numbers.Select(n =>
            {
                var number = n.Tag ?? prefix + Next().ToString(CultureInfo.InvariantCulture);
                var stem = n.Label is null ? "eq-" + number.Replace('.', '-') : "eq-" + HeadingIdTransform.Slug(WithoutPrefix(n.Label));
                if (n.Tag is not null && n.Label is null) stem = "eq-tag-" + HeadingIdTransform.Slug(n.Tag);
                var resolved = n with { Number = number, Id = owner._ids.Claim(stem) };
                if (n.Label is { } label && !owner._labels.TryAdd(label, resolved))
                    owner.Diagnostics.Report(DiagnosticCodes.EquationLabelDuplicate, span,
                        $"\\label{{{label}}} is defined again; references go to its first definition ({owner._labels[label].Display})");
                return resolved;
            }).ToArray();
            return formula with { Numbers = numbers };
        }

        private int Next() => counts[prefix] = counts.GetValueOrDefault(prefix) + 1;
    }

    private sealed class Resolver(EquationNumberTransform owner) : FormulaRewriter
    {
        protected override MathFormula Rewrite(MathFormula formula, Model.SourceSpan span)
        {
            if (!formula.Root.DescendantsAndSelf().Any(n => n is MathReference)) return formula;
            var root = MathNodeRewriter.Rewrite(formula.Root, node =>
            {
                if (node is not MathReference reference) return node;
                if (owner._labels.TryGetValue(reference.Label, out var target))
                    return reference with { Number = target.Number, TargetId = target.Id };
                owner.Diagnostics.Report(DiagnosticCodes.EquationLabelUnknown, span,
                    $"\\{(reference.Parenthesized ? "eqref" : "ref")}{{{reference.Label}}} refers to no \\label in the book; it is shown as (??)");
                return reference;
            });
            return formula with { Root = root };
        }
    }

    private DiagnosticBag Diagnostics => diagnostics;

    /// <summary>"eq:loss" → "loss": the usual prefix would only double the id's own "eq-".</summary>
    private static string WithoutPrefix(string label) => label.StartsWith("eq:", StringComparison.Ordinal) && label.Length > 3 ? label[3..] : label;
}
