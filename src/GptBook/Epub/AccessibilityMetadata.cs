using System.Globalization;
using System.Xml.Linq;
using GptBook.Model;

namespace GptBook.Epub;

/// <summary>
/// The package's accessibility metadata (EPUB Accessibility 1.1, schema.org properties), computed from what this
/// book holds rather than declared: a feature is claimed only when it is true of the content.
/// <list type="bullet">
/// <item>accessMode: textual, plus visual when there is a picture (a figure, an inline image, one in raw HTML, a
/// formula drawn as a picture).</item>
/// <item>accessModeSufficient: textual alone only when every picture has alt text; textual,visual always.</item>
/// <item>accessibilityFeature: tableOfContents and readingOrder always (nav.xhtml, one spine in reading order);
/// structuralNavigation when there are headings; alternativeText when there are pictures and every one has alt
/// text; pageNavigation when there is a page list; MathML when the content carries MathML; describedMath whenever
/// there are formulas, since each carries a text description, its TeX source: as MathML's alttext, or as the alt
/// text of a formula drawn as a picture.</item>
/// <item>accessibilityHazard: none, unless an animation is kept (an animated GIF), whose flashing nobody checked.</item>
/// <item>accessibilitySummary: sentences in the book's language saying all of the above.</item>
/// <item>dcterms:conformsTo EPUB Accessibility 1.1 - WCAG 2.1 Level AA, only when every picture has alt text,
/// nothing is animated and formulas are not pictures (images of text where MathML could be text, WCAG 1.4.5): the rest (language, structure, navigation, contrast of the stylesheet) this writer makes
/// true for every book.</item>
/// </list>
/// </summary>
public sealed record AccessibilityMetadata(
    int Pictures,
    int PicturesWithoutAlt,
    bool HasHeadings,
    bool HasTables,
    bool HasMathMl,
    bool HasPageList,
    bool HasAnimation,
    int FormulaPictures = 0)
{
    public const string ConformsTo = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA";

    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <param name="animated">Whether a picture the package holds is animated (known from the prepared files).</param>
    /// <param name="formulaPictures">How many formulas were written as pictures (<c>epub.math: images</c>) rather than MathML.</param>
    public static AccessibilityMetadata Of(Book book, bool hasPageList, bool animated, int formulaPictures = 0)
    {
        var pictures = 0;
        var withoutAlt = 0;
        var formulas = 0;
        void Picture(string? alt)
        {
            pictures++;
            if (string.IsNullOrWhiteSpace(alt)) withoutAlt++;
        }
        var blocks = book.AllBlocksWithFootnotes().ToArray();
        foreach (var block in blocks)
        {
            if (block is Figure f) Picture(f.Image.Alt);
            if (block is DisplayMath) formulas++;
            foreach (var inline in block.InlineContent().SelectMany(list => list).SelectMany(i => i.DescendantsAndSelf()))
            {
                if (inline is InlineImage ii) Picture(ii.Image.Alt);
                if (inline is InlineMath) formulas++;
            }
        }
        return new AccessibilityMetadata(pictures, withoutAlt, blocks.OfType<Heading>().Any(), blocks.OfType<Table>().Any(),
            formulas > 0 && formulaPictures == 0, hasPageList, animated, formulaPictures);
    }

    public bool EveryPictureHasAlt => PicturesWithoutAlt == 0;

    public bool Conforms => EveryPictureHasAlt && !HasAnimation && FormulaPictures == 0;

    public IEnumerable<string> AccessModes => Pictures + FormulaPictures > 0 ? ["textual", "visual"] : ["textual"];

    public IEnumerable<string> AccessModesSufficient
    {
        get
        {
            if (EveryPictureHasAlt) yield return "textual";
            if (Pictures + FormulaPictures > 0) yield return "textual,visual";
        }
    }

    public IEnumerable<string> Features
    {
        get
        {
            yield return "tableOfContents";
            yield return "readingOrder";
            if (HasHeadings) yield return "structuralNavigation";
            if (HasPageList) yield return "pageNavigation";
            if (Pictures + FormulaPictures > 0 && EveryPictureHasAlt) yield return "alternativeText";
            if (HasMathMl) yield return "MathML";
            if (HasMathMl || FormulaPictures > 0) yield return "describedMath";
        }
    }

    public IEnumerable<string> Hazards => HasAnimation
        ? ["unknownFlashingHazard", "noSoundHazard", "noMotionSimulationHazard"]
        : ["none"];

    /// <summary>What a reader needs to know before choosing the book, from the same facts, in Chinese for a Chinese book.</summary>
    public string Summary(string language)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var parts = new List<string>();
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        if (zh)
        {
            parts.Add("本书以文字为主，可由读屏软件朗读，字号、字体和行距可由阅读器调整。");
            parts.Add(Pictures == 0 ? "书中没有图片。"
                : EveryPictureHasAlt ? $"书中 {N(Pictures)} 幅图片都有替代文字。"
                : $"书中 {N(Pictures)} 幅图片有 {N(PicturesWithoutAlt)} 幅没有替代文字，只看文字会缺少这些图片的内容。");
            var navigation = new List<string> { "目录" };
            if (HasHeadings) navigation.Add("按标题层级嵌套的章节结构");
            if (HasPageList) navigation.Add("与印刷版 PDF 页码对应的页码列表");
            parts.Add($"提供{string.Join("、", navigation)}，阅读顺序与印刷版一致。");
            if (HasMathMl) parts.Add("数学公式以 MathML 标记，并以公式的 TeX 源码作为文字说明。");
            if (FormulaPictures > 0) parts.Add($"书中 {N(FormulaPictures)} 个数学公式是文字的图片（供不支持 MathML 的阅读器），替代文字为公式的 TeX 源码。");
            parts.Add(HasAnimation ? "书中有动画图片，未检查其闪烁频率；没有声音。" : "没有闪烁、声音或运动模拟等危害。");
            parts.Add(Conforms ? "符合 EPUB 无障碍 1.1 与 WCAG 2.1 AA 级的要求。" : "因上述原因，未声明符合 EPUB 无障碍规范。");
        }
        else
        {
            parts.Add("This book is text first: a screen reader can read it aloud, and the reader's own font, size and spacing apply.");
            parts.Add(Pictures == 0 ? "It has no pictures."
                : EveryPictureHasAlt ? $"All {N(Pictures)} pictures have alternative text."
                : $"{N(PicturesWithoutAlt)} of its {N(Pictures)} pictures have no alternative text; the text alone misses what they show.");
            var navigation = new List<string> { "a table of contents" };
            if (HasHeadings) navigation.Add("sections nested as the headings are");
            if (HasPageList) navigation.Add("a page list matching the print PDF");
            parts.Add($"It has {string.Join(", ", navigation)}, and the reading order of the print edition.");
            if (HasMathMl) parts.Add("Mathematics is marked up as MathML, each formula described by its TeX source.");
            if (FormulaPictures > 0) parts.Add($"Its {N(FormulaPictures)} formulas are pictures of text (for readers without MathML), each with its TeX source as alternative text.");
            parts.Add(HasAnimation ? "It has animated pictures whose flashing was not checked; no sound." : "It has no flashing, sound or motion hazards.");
            parts.Add(Conforms ? "It meets EPUB Accessibility 1.1 and WCAG 2.1 Level AA." : "For the reasons above, it does not claim EPUB Accessibility conformance.");
        }
        return string.Join(zh ? "" : " ", parts);
    }
}
