using System.Globalization;
using System.Text;
using GptBook.Layout;
using GptBook.Model;
using GptBook.Tests.Support;
using GptBook.Units;
using PdfArray = PdfSharp.Pdf.PdfArray;
using PdfDictionary = PdfSharp.Pdf.PdfDictionary;
using PdfInteger = PdfSharp.Pdf.PdfInteger;
using PdfItem = PdfSharp.Pdf.PdfItem;
using PdfReference = PdfSharp.Pdf.Advanced.PdfReference;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using PdfSharpReader = PdfSharp.Pdf.IO.PdfReader;
using PigRectangle = UglyToad.PdfPig.Core.PdfRectangle;

namespace GptBook.Tests.Formulas;

/// <summary>
/// The math test book's PDF, read back: no TeX in its text layer, inline formulas on the baseline of the Chinese
/// line, display formulas centred in the measure (a long one broken, never past the margins) with their numbers at
/// the right margin, a Formula element with its TeX as /Alt for every formula, links from \eqref to the page of the
/// equation, and qpdf finds nothing wrong.
/// </summary>
public partial class MathSampleBookTests
{
    /// <summary>A Formula element of the structure tree: its /Alt and the marked content it owns, by page index and MCID.</summary>
    private sealed record FormulaElement(string Alt, List<(int Page, int Mcid)> Content);

    /// <summary>The letters and paths of one marked-content sequence, and the ActualText of the spans inside it.</summary>
    private sealed record Marked(IReadOnlyList<Letter> Letters, IReadOnlyList<PigRectangle> Paths, IReadOnlyList<string> ActualTexts);

    private static bool IsMathFace(Letter l) => l.FontName?.Contains("DejaVuMath", StringComparison.Ordinal) == true;

    private Length BodySize => build.Options.Pdf.FontSize;

    /// <summary>The type area of a page (index from 0; the first page is a right-hand page), in PDF user space x.</summary>
    private (double Left, double Right) Measure(int page)
    {
        var block = PageGeometry.From(build.Options.Pdf).TextBlock(rightHand: page % 2 == 0);
        return (block.X.Points, block.Right.Points);
    }

    [Fact]
    public void The_pdf_text_layer_holds_no_tex()
    {
        var text = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", build.PdfPath, "-"]).StdOut;
        // The only TeX on the pages is the command named in inline code ("用 `\newcommand` 定义的宏").
        Assert.Equal([@"\newcommand"], TexCommand().Matches(text).Select(m => m.Value));
        Assert.DoesNotMatch(DollarFormula(), text);
        Assert.Contains("𝐡𝑡 ∈ ℝ𝑑", text, StringComparison.Ordinal); // $\mathbf{h}_t \in \R^{d}$, the macro expanded
        Assert.Contains("卖 $5 and $10 两个版本", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_formulas_sit_on_the_baseline_of_the_chinese_line()
    {
        using var pdf = PdfDocument.Open(build.PdfPath);
        var size = BodySize.Points;
        var pairs = 0;
        // An inline matrix or cases has full-size letters above and below the baseline, as TeX sets them.
        var marked = MarkedContent(pdf);
        var inTables = FormulaElements().Where(e => e.Alt.Contains(@"\begin", StringComparison.Ordinal))
            .SelectMany(e => e.Content.SelectMany(c => marked[c].Letters.Select(l => (c.Page, l.StartBaseLine))))
            .ToHashSet();
        foreach (var page in pdf.GetPages())
        {
            var han = page.Letters.Where(IsBodyHan).ToList();
            // A full-size letter or digit of a formula (not a script, not a numerator) next to a Han character of the
            // body, less than an em from it across and up or down: they are on one line, and share its baseline.
            foreach (var m in page.Letters.Where(IsFullSizeMathLetter).Where(m => !inTables.Contains((page.Number - 1, m.StartBaseLine))))
            {
                foreach (var h in han.Where(h => Math.Abs(h.StartBaseLine.Y - m.StartBaseLine.Y) < size
                             && (m.StartBaseLine.X - h.EndBaseLine.X is > -0.5 and var after && after < size
                                 || h.StartBaseLine.X - m.EndBaseLine.X is > -0.5 and var before && before < size)))
                {
                    Assert.True(Math.Abs(h.StartBaseLine.Y - m.StartBaseLine.Y) < 0.01,
                        $"page {page.Number}: '{h.Value}' at y {h.StartBaseLine.Y:0.##}, '{m.Value}' at y {m.StartBaseLine.Y:0.##}");
                    pairs++;
                }
            }
        }
        Assert.True(pairs >= 80, $"only {pairs} formula letters next to Han text");

        bool IsBodyHan(Letter l) => l.FontName?.Contains("Noto Serif SC", StringComparison.Ordinal) == true && Math.Abs(l.PointSize - size) < 0.01
            && l.Value.Length == 1 && l.Value[0] is >= '\u4E00' and <= '\u9FFF';
        bool IsFullSizeMathLetter(Letter l) => IsMathFace(l) && Math.Abs(l.PointSize - size) < 0.01
            && Rune.TryGetRuneAt(l.Value, 0, out var r) && Rune.IsLetterOrDigit(r);
    }

    [Fact]
    public void Every_formula_is_a_Formula_element_with_its_tex_as_alt()
    {
        var elements = FormulaElements();
        Assert.All(elements, e => Assert.False(string.IsNullOrWhiteSpace(e.Alt)));
        Assert.All(elements, e => Assert.NotEmpty(e.Content));
        Assert.Equal(DrawnFormulas().Select(f => f.Source.Trim()).ToHashSet(StringComparer.Ordinal), elements.Select(e => e.Alt).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Display_formulas_stay_in_the_measure_centred_with_their_numbers_at_the_right_margin()
    {
        using var pdf = PdfDocument.Open(build.PdfPath);
        var marked = MarkedContent(pdf);
        var displays = DrawnFormulas().Where(f => f.Display).ToList();
        var checkedNumbers = 0;
        var checkedCentres = 0;
        foreach (var element in FormulaElements())
        {
            foreach (var (page, mcid) in element.Content)
            {
                var content = marked[(page, mcid)];
                var (left, right) = Measure(page);
                // Nothing of any formula, inline or display, reaches past the measure.
                foreach (var l in content.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
                    Assert.True(l.BoundingBox.Left >= left - 0.5 && l.BoundingBox.Right <= right + 0.5,
                        $"'{l.Value}' of {element.Alt} outside the measure at x {l.BoundingBox.Left:0.#}–{l.BoundingBox.Right:0.#}");
                foreach (var p in content.Paths)
                    Assert.True(p.Left >= left - 0.5 && p.Right <= right + 0.5, $"a path of {element.Alt} outside the measure");
            }
            var formula = displays.FirstOrDefault(f => f.Source.Trim() == element.Alt);
            if (formula == null) continue;

            // Every number of the formula (one per numbered row of an align) ends at the right margin.
            var numberLetters = new List<Letter>();
            foreach (var number in formula.Numbers.Select(n => n.Display).OfType<string>())
            {
                var (page, letters) = element.Content.Select(c => (c.Page, Letters: FindNumber(marked[c].Letters, number))).FirstOrDefault(x => x.Letters.Count > 0);
                Assert.True(letters is { Count: > 0 }, $"number {number} of {element.Alt} not found");
                Assert.Equal(Measure(page).Right, letters[^1].EndBaseLine.X, 0.3);
                numberLetters.AddRange(letters);
                checkedNumbers++;
            }

            // A formula of one row (no environment; the DPO loss is broken into lines, see below) is centred.
            if (formula.Source.Contains(@"\begin", StringComparison.Ordinal) || formula.Source.Contains("DPO", StringComparison.Ordinal) || element.Content.Count != 1)
                continue;
            var only = marked[element.Content[0]];
            var extents = only.Letters.Except(numberLetters).Select(l => (Left: l.StartBaseLine.X, Right: l.EndBaseLine.X))
                .Concat(only.Paths.Select(p => (p.Left, p.Right))).ToList();
            var centre = (extents.Min(x => x.Left) + extents.Max(x => x.Right)) / 2;
            var (measureLeft, measureRight) = Measure(element.Content[0].Page);
            Assert.True(Math.Abs(centre - (measureLeft + measureRight) / 2) < 1.5, $"{element.Alt} centred at {centre:0.#}, the measure at {(measureLeft + measureRight) / 2:0.#}");
            checkedCentres++;
        }
        Assert.True(checkedNumbers >= 8, $"{checkedNumbers} numbers");
        Assert.True(checkedCentres >= 10, $"{checkedCentres} centred formulas");
    }

    [Fact]
    public void A_long_display_formula_is_broken_into_lines_at_full_size()
    {
        using var pdf = PdfDocument.Open(build.PdfPath);
        var marked = MarkedContent(pdf);
        var dpo = FormulaElements().Single(e => e.Alt.StartsWith(@"\mathcal{L}_{\mathrm{DPO}}", StringComparison.Ordinal));
        var letters = dpo.Content.SelectMany(c => marked[c].Letters).ToList();
        var calligraphicL = letters.Single(l => l.Value == "ℒ");
        Assert.Equal(BodySize.Points, calligraphicL.PointSize, 0.01); // not scaled down
        var sigma = letters.Single(l => l.Value == "𝜎");
        Assert.True(sigma.StartBaseLine.Y < calligraphicL.StartBaseLine.Y - BodySize.Points, "the DPO loss is not broken after its '='");
        Assert.DoesNotContain(build.Result.Diagnostics, d => d.Code == "GB0620");
    }

    [Fact]
    public void A_split_inside_an_equation_is_one_block_with_its_number_level_with_its_middle()
    {
        using var pdf = PdfDocument.Open(build.PdfPath);
        var marked = MarkedContent(pdf);
        var formula = DrawnFormulas().Single(f => f.Source.Contains(@"\begin{split}", StringComparison.Ordinal));
        var element = FormulaElements().Single(e => e.Alt == formula.Source.Trim());
        Assert.Single(element.Content.Select(c => c.Page).Distinct()); // its lines on one page
        var letters = element.Content.SelectMany(c => marked[c].Letters).ToList();
        var number = FindNumber(letters, formula.Numbers.Single().Display!);
        Assert.NotEmpty(number);
        // amsmath centres a split's number on the whole block: between its first line (C = 6ND) and its second (≈ …),
        // not on the first line's baseline.
        var first = letters.First(l => l.Value == "𝐶").StartBaseLine.Y;
        var second = letters.First(l => l.Value == "≈").StartBaseLine.Y;
        var at = number[0].StartBaseLine.Y;
        Assert.True(at < first - 2 && at > second + 2, $"the number at y {at:0.#}, the lines at {first:0.#} and {second:0.#}");
    }

    [Fact]
    public void Equation_references_link_to_the_page_of_the_equation()
    {
        using var pdf = PdfDocument.Open(build.PdfPath);
        var marked = MarkedContent(pdf);
        // Where each number is printed: the page of the Formula element whose content ends with it.
        var numberPages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in FormulaElements())
            foreach (var (page, mcid) in element.Content)
                foreach (var number in DrawnFormulas().Where(f => f.Source.Trim() == element.Alt).SelectMany(f => f.Numbers).Select(n => n.Display).OfType<string>())
                    if (FindNumber(marked[(page, mcid)].Letters, number).Count > 0)
                        numberPages.TryAdd(number, page);
        Assert.True(numberPages.Count >= 8, $"{numberPages.Count} numbers found");

        using var document = PdfSharpReader.Open(build.PdfPath, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var pages = pdf.GetPages().ToList();
        var checkedLinks = 0;
        for (var p = 0; p < document.PageCount; p++)
        {
            if (document.Pages[p].Elements.GetArray("/Annots") is not { } annots) continue;
            foreach (var item in annots.Elements)
            {
                var annot = (PdfDictionary)((PdfReference)item).Value;
                var rect = annot.Elements.GetRectangle("/Rect");
                var shown = Concat(pages[p].Letters.Where(l => Inside(l, rect)).ToList());
                var number = numberPages.Keys.FirstOrDefault(n => n == shown || n == $"({shown})");
                if (number == null) continue;
                var dest = annot.Elements.GetArray("/Dest");
                Assert.True(dest != null, $"the link '{shown}' on page {p + 1} has no destination");
                var target = ((PdfReference)dest.Elements[0]).ObjectID;
                var index = Enumerable.Range(0, document.PageCount).Single(i => document.Pages[i].Reference!.ObjectID == target);
                Assert.True(numberPages[number] == index, $"'{shown}' on page {p + 1} goes to page {index + 1}, the equation is on page {numberPages[number] + 1}");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks >= 8, $"{checkedLinks} equation links");

        static bool Inside(Letter l, PdfSharp.Pdf.PdfRectangle r)
        {
            var (x, y) = ((l.BoundingBox.Left + l.BoundingBox.Right) / 2, (l.BoundingBox.Bottom + l.BoundingBox.Top) / 2);
            return x > r.X1 && x < r.X2 && y > r.Y1 && y < r.Y2;
        }
    }

    /// <summary>
    /// A delimiter, radical or operator grown from the MATH table's variants or parts is drawn as outlines; it copies
    /// as its character all the same (an invisible glyph in an /ActualText span), so \Bigl\{ is "{", not nothing.
    /// </summary>
    [Fact]
    public void Grown_delimiters_radicals_and_operators_copy_as_their_characters()
    {
        using var pdf = PdfDocument.Open(build.PdfPath);
        var marked = MarkedContent(pdf);
        (string Command, string Character)[] expected =
        [
            (@"\sqrt", "√"), (@"\sum", "∑"), (@"\prod", "∏"), (@"\oint", "∮"), (@"\underbrace", "⏟"), (@"\overbrace", "⏞"),
            (@"\left(", "("), (@"\right)", ")"), (@"\left[", "["), (@"\right]", "]"), (@"\bigl(", "("), (@"\bigr)", ")"),
            (@"\biggl(", "("), (@"\Bigl[", "["), (@"\Biggr]", "]"), (@"\Bigl\{", "{"), (@"\Bigr\}", "}"), (@"\langle", "⟨"), (@"\rangle", "⟩"),
        ];
        var checkedCharacters = 0;
        var actualTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in FormulaElements())
        {
            var text = string.Concat(element.Content.SelectMany(c => marked[c].Letters).Select(l => l.Value));
            foreach (var (command, character) in expected.Where(e => element.Alt.Contains(e.Command, StringComparison.Ordinal)))
            {
                Assert.True(text.Contains(character, StringComparison.Ordinal), $"{element.Alt} copies as '{text}', without {character}");
                checkedCharacters++;
            }
            foreach (var (page, mcid) in element.Content)
                actualTexts.UnionWith(marked[(page, mcid)].ActualTexts);
        }
        Assert.True(checkedCharacters >= 40, $"{checkedCharacters} characters checked");
        // The grown ones among them (display operators, \Bigl\{, tall radicals) carry an ActualText.
        Assert.Superset(new HashSet<string>(["∑", "√", "{", "}", "[", "]", "(", ")"]), actualTexts);
        var copied = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", build.PdfPath, "-"]).StdOut;
        Assert.Contains("{𝑎}", copied.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal); // 大括号 $\Bigl\{ a \Bigr\}$
    }

    [Fact]
    public void Qpdf_finds_nothing_wrong_with_the_pdf()
    {
        var result = ExternalTool.Run("qpdf", ["--check", build.PdfPath]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("WARNING", result.Output, StringComparison.Ordinal);
    }

    private static string Concat(IReadOnlyList<Letter> letters) => string.Concat(letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The letters of a formula's content that spell its number: consecutive, in a text face (not the math face).</summary>
    private static List<Letter> FindNumber(IReadOnlyList<Letter> letters, string number)
    {
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var count = new StringInfo(number).LengthInTextElements;
        for (var i = 0; i + count <= visible.Count; i++)
        {
            var run = visible.GetRange(i, count);
            if (Concat(run) == number && !run.Any(IsMathFace)) return run;
        }
        return [];
    }

    /// <summary>Every marked-content sequence with an MCID, by page index, with its letters and the bounds of its paths.</summary>
    private static Dictionary<(int Page, int Mcid), Marked> MarkedContent(PdfDocument pdf)
    {
        var result = new Dictionary<(int, int), Marked>();
        foreach (var page in pdf.GetPages())
        {
            void Walk(MarkedContentElement e)
            {
                if (e.MarkedContentIdentifier >= 0)
                    result[(page.Number - 1, e.MarkedContentIdentifier)] = new Marked(AllLetters(e).ToList(),
                        AllPaths(e).Select(p => p.GetBoundingRectangle()).OfType<PigRectangle>().ToList(),
                        e.Children.SelectMany(Spans).Select(c => c.ActualText).OfType<string>().ToList());
                else
                    foreach (var child in e.Children) Walk(child);
            }
            foreach (var e in page.GetMarkedContents()) Walk(e);
        }
        return result;

        static IEnumerable<Letter> AllLetters(MarkedContentElement e) => e.Letters.Concat(e.Children.SelectMany(AllLetters));
        static IEnumerable<MarkedContentElement> Spans(MarkedContentElement e) => e.Children.SelectMany(Spans).Prepend(e);
        static IEnumerable<UglyToad.PdfPig.Graphics.PdfPath> AllPaths(MarkedContentElement e) => e.Paths.Concat(e.Children.SelectMany(AllPaths));
    }

    /// <summary>The Formula elements of the structure tree, in document order.</summary>
    private List<FormulaElement> FormulaElements()
    {
        using var document = PdfSharpReader.Open(build.PdfPath, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var pageIndex = Enumerable.Range(0, document.PageCount).ToDictionary(i => document.Pages[i].Reference!.ObjectID);
        var root = document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!;
        var found = new List<FormulaElement>();
        void Walk(PdfItem? item, int? page)
        {
            switch (item)
            {
                case PdfReference r:
                    Walk(r.Value, page);
                    break;
                case PdfArray a:
                    foreach (var child in a.Elements) Walk(child, page);
                    break;
                case PdfDictionary d when d.Elements.GetName("/S") is { } type:
                    var own = d.Elements["/Pg"] is PdfReference pg ? pageIndex[pg.ObjectID] : page;
                    if (type == "/Formula")
                    {
                        var element = new FormulaElement(d.Elements.GetString("/Alt"), []);
                        Collect(d.Elements["/K"], own, element.Content);
                        found.Add(element);
                    }
                    else
                        Walk(d.Elements["/K"], own);
                    break;
            }
        }
        void Collect(PdfItem? item, int? page, List<(int, int)> content)
        {
            switch (item)
            {
                case PdfInteger mcid:
                    content.Add((page!.Value, mcid.Value));
                    break;
                case PdfArray a:
                    foreach (var child in a.Elements) Collect(child, page, content);
                    break;
                case PdfReference r:
                    Collect(r.Value, page, content);
                    break;
                case PdfDictionary mcr when mcr.Elements.GetName("/Type") == "/MCR":
                    var pg = mcr.Elements["/Pg"] is PdfReference p ? pageIndex[p.ObjectID] : page;
                    content.Add((pg!.Value, mcr.Elements.GetInteger("/MCID")));
                    break;
            }
        }
        Walk(root.Elements["/K"], null);
        return found;
    }
}
