using System.Text;

namespace GptBook.Benchmarks.Typst;

/// <summary>
/// A benchmark book as one Typst document, with GptBook's page setup from content/book.yml: A5, mirrored margins
/// (inner 20 mm, outer 16 mm, top and bottom 20 mm), Noto Serif SC 10.5 pt, lines 1.7 em apart, justified,
/// a 2 em first-line indent on every paragraph, page numbers, a title page and a table of contents. A book of
/// several chapter files opens each chapter on a right-hand page, as GptBook does.
/// </summary>
public static class TypstBook
{
    // With the text's top edge at 1 em above the baseline and its bottom edge on it, a line box is exactly 1 em
    // tall and the leading adds the rest: baselines 1.7 em apart, as GptBook's line_height: 1.7.
    private const string Preamble = """
        #set document(title: "TITLE")
        #set page(paper: "a5", margin: (inside: 20mm, outside: 16mm, top: 20mm, bottom: 20mm), numbering: "1")
        #set text(font: "Noto Serif SC", size: 10.5pt, lang: "zh", region: "cn", top-edge: 1em, bottom-edge: 0em)
        #set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.7em, spacing: 0.7em)
        #set heading(outlined: true)

        """;

    private const string ChapterBreak = """
        #show heading.where(level: 1): it => { pagebreak(weak: true, to: "odd"); it }

        """;

    /// <summary>Writes <paramref name="mainFile"/> (inside <paramref name="bookRoot"/>, Typst's workspace).</summary>
    public static void Write(string mainFile, string bookRoot, string title, IReadOnlyList<string> chapterFiles)
    {
        var typst = new StringBuilder(Preamble.Replace("\"TITLE\"", TypstMarkup.Quoted(title), StringComparison.Ordinal));
        if (chapterFiles.Count > 1) typst.Append(ChapterBreak);
        typst.Append("#align(center + horizon, text(size: 2em, weight: \"bold\", ").Append(TypstMarkup.Quoted(title)).Append("))\n#pagebreak()\n");
        typst.Append("#outline(depth: 3)\n#pagebreak()\n\n");
        foreach (var chapter in chapterFiles)
            typst.Append(TypstMarkup.Convert(chapter, bookRoot));
        Directory.CreateDirectory(Path.GetDirectoryName(mainFile)!);
        File.WriteAllText(mainFile, typst.ToString());
    }
}
