using System.Text;
using GptBook.Fonts;
using GptBook.Html;

namespace GptBook.Epub;

/// <summary>
/// The book's CSS, written for Chinese on e-readers: justified text (the last line at the start, as justify does
/// by default: no <c>text-align-last</c> on the body, which every centred element would inherit), paragraphs
/// marked by their two-character indent alone, widows and orphans kept to two lines, a generous line height, a
/// serif stack that finds the CJK faces Apple, Kobo, Android and Kindle readers ship (no fonts are embedded, so
/// the reader's own settings still work), figures that never exceed the screen and keep their aspect ratio from
/// CSS alone (the markup carries no pixel sizes: see <c>XhtmlContentWriter</c>), Han–Latin spacing (native
/// <c>text-autospace</c> where the engine has it, else the writer's marked spans), and only simple properties
/// (no negative margins, no positioning, no flex) so older Kindle renderers lay it out the same. Each font stack
/// ends with the bundled fallback faces in the order the PDF uses them (<see cref="FontFallbackChain"/>), so a
/// reader that has them shows ℝ, ⟨ ⟩, 𠮷 and emoji with the same faces as the print.
/// </summary>
public static class EpubStylesheet
{
    public static byte[] Bytes() => new UTF8Encoding(false).GetBytes(Css + ImageSizeClasses.Css());

    private static readonly string SerifStack = FontFallbackChain.CssStack(
        [.. FontFallbackChain.CssFamilies(FontRole.SerifRegular), "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "Songti SC", "STSong", "SimSun"], "serif");

    private static readonly string SansStack = FontFallbackChain.CssStack(
        [.. FontFallbackChain.CssFamilies(FontRole.SansBold), "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Heiti SC", "Microsoft YaHei"], "sans-serif");

    private static readonly string MonoStack = FontFallbackChain.CssStack(
        [.. FontFallbackChain.CssFamilies(FontRole.Mono), "Sarasa Mono SC", "Noto Sans Mono CJK SC", "Menlo", "Consolas"], "monospace");

    public static readonly string Css = $$"""
        @charset "utf-8";

        html, body {
          margin: 0;
          padding: 0;
        }

        body {
          font-family: {{SerifStack}};
          line-height: 1.8;
          text-align: justify;
          text-justify: inter-character;
          word-wrap: break-word;
          overflow-wrap: break-word;
          line-break: strict;
          hanging-punctuation: allow-end;
          widows: 2;
          orphans: 2;
        }

        p {
          margin: 0;
          text-indent: 2em;
        }

        /* Han–Latin spacing: a quarter em between Han and Latin letters or digits ("在 AI 文本"). Engines that
           know text-autospace add it themselves, across element boundaries too; elsewhere the writer has put each
           Latin run that touches Han in a span, and its margin gives the space without a character, so copying
           and searching still see "在AI文本". Names such as GPT-3 never break at their hyphen. */
        .space-before { margin-left: 0.25em; }
        .space-after { margin-right: 0.25em; }
        .nobr { white-space: nowrap; }

        /* Lines the author aligned in raw HTML (<p align="center">, <center>): title lines, author lines, badges,
           poems. Centred and right-aligned ones have no first-line indent; none is justified. */
        .align-center { text-align: center; text-align-last: center; text-indent: 0; }
        .align-right { text-align: right; text-align-last: right; text-indent: 0; }
        .align-left { text-align: left; }
        @supports (text-autospace: normal) {
          body { text-autospace: normal; }
          .space-before { margin-left: 0; }
          .space-after { margin-right: 0; }
        }

        h1, h2, h3, h4, h5, h6 {
          font-family: {{SansStack}};
          font-weight: bold;
          line-height: 1.4;
          text-align: left;
          text-indent: 0;
          hyphens: none;
          page-break-after: avoid;
          break-after: avoid;
          margin: 1.6em 0 0.8em 0;
        }

        h1 { font-size: 1.6em; margin-top: 2em; text-align: center; }
        h2 { font-size: 1.35em; }
        h3 { font-size: 1.15em; }
        h4, h5, h6 { font-size: 1em; }

        a { color: inherit; text-decoration: underline; }

        code, pre, kbd, samp {
          font-family: {{MonoStack}};
          font-size: 0.9em;
        }

        /* A formula's \textbf and \texttt, for MathML Core engines, which read mathvariant only on mi. */
        mtext[mathvariant="bold"] { font-weight: bold; }
        mtext[mathvariant="monospace"] { font-family: {{MonoStack}}; }

        pre {
          margin: 1em 0;
          padding: 0.6em;
          white-space: pre-wrap;
          line-height: 1.5;
          text-align: left;
          border: 1px solid #cccccc;
        }

        /* Highlighted code: dark colours that stay apart on e-ink too (keywords bold, comments italic and lighter). */
        .tok-kw { color: #1a4d8f; font-weight: bold; }
        .tok-ty, .tok-tg { color: #5b2a86; }
        .tok-fn { color: #6b4a00; }
        .tok-st { color: #2e6b2e; }
        .tok-nu, .tok-co { color: #9a3f00; }
        .tok-at, .tok-pr { color: #7a3e00; }
        .tok-cm { color: #6a6a6a; font-style: italic; }

        blockquote {
          margin: 1em 0 1em 1.5em;
          padding: 0 0 0 0.8em;
          border-left: 3px solid #cccccc;
        }

        /* GitHub alerts: GitHub's colours on the bar and the label, which greyscale readers show as a grey bar. */
        div.admonition { margin: 1em 0; padding: 0.2em 0 0.2em 0.8em; border-left: 4px solid #0969da; }
        div.admonition p { text-indent: 0; }
        p.admonition-title { font-weight: bold; margin: 0 0 0.3em 0; color: #0969da; }
        div.admonition-tip { border-left-color: #1a7f37; }
        div.admonition-tip p.admonition-title { color: #1a7f37; }
        div.admonition-important { border-left-color: #8250df; }
        div.admonition-important p.admonition-title { color: #8250df; }
        div.admonition-warning { border-left-color: #9a6700; }
        div.admonition-warning p.admonition-title { color: #9a6700; }
        div.admonition-caution { border-left-color: #cf222e; }
        div.admonition-caution p.admonition-title { color: #cf222e; }

        blockquote p { text-indent: 0; }
        blockquote p + p, li p + p, aside.footnote p + p { text-indent: 2em; }

        ul, ol { margin: 0.6em 0 0.8em 0; padding-left: 2em; }
        li { margin: 0.2em 0; }
        li p { text-indent: 0; }
        li.task-item { list-style: none; }
        span.task-box { display: inline-block; width: 1.5em; margin-left: -1.5em; text-indent: 0; }

        hr {
          margin: 1.5em 25%;
          border: 0;
          border-top: 1px solid #999999;
        }

        figure {
          margin: 1.2em 0;
          text-align: center;
          page-break-inside: avoid;
          break-inside: avoid;
        }

        figure img {
          display: block;
          margin: 0 auto;
          max-width: 100%;
          max-height: 80vh;
          width: auto;
          height: auto;
        }

        /* An embedded SVG has no size of its own in the EPUB (calibre would fix it): the page's width decides. */
        figure svg {
          display: block;
          margin: 0 auto;
          width: 100%;
          max-width: 100%;
          max-height: 80vh;
          height: auto;
        }

        img.inline-image {
          max-height: 1.2em;
          width: auto;
          vertical-align: middle;
        }

        figcaption {
          margin-top: 0.5em;
          font-size: 0.9em;
          line-height: 1.6;
          text-align: center;
          text-align-last: center;
          text-indent: 0;
        }

        .figure-label { font-weight: bold; }

        .image-placeholder {
          margin: 0.5em auto;
          padding: 1em;
          border: 1px dashed #888888;
          text-align: center;
          text-indent: 0;
        }

        span.image-placeholder { display: inline; padding: 0 0.3em; margin: 0; }
        .image-placeholder p { text-indent: 0; margin: 0; }
        .image-placeholder-label { font-weight: bold; }

        .table-wrap { margin: 1em 0; overflow-x: auto; }
        table { border-collapse: collapse; margin: 0 auto; }
        th, td { border: 1px solid #999999; padding: 0.3em 0.6em; text-align: left; }
        thead th { font-weight: bold; }

        sup.noteref { font-size: 0.75em; line-height: 0; }
        sup.noteref a { text-decoration: none; }

        section.footnotes {
          margin-top: 2em;
          padding-top: 0.5em;
          border-top: 1px solid #999999;
          font-size: 0.9em;
        }

        aside.footnote p { text-indent: 0; }
        .footnote-number { font-weight: bold; margin-right: 0.3em; }

        .raw-html { margin: 0.8em 0; }

        {{FormulaStyles.Css}}

        /* Formulas as pictures (epub.math: images): an inline img carries its size and its lowering in em, so it sits
           on the baseline and grows with the text. A display img carries only its width: it is a block of its own,
           shrunk to the column when wider (its height follows its aspect ratio), so a long formula on a phone is made
           smaller instead of cut or scrolled; an align's lines, all as wide, shrink alike and stand one under the
           other without a line gap. */
        img.math { border: 0; margin: 0; padding: 0; max-width: none; }
        .math-display img.math { display: block; margin: 0 auto; max-width: 100%; height: auto; }
        .math-rows .math-row { margin: 0; line-height: 1; }

        body.nav-page h1 { text-align: center; }
        body.nav-page ol { list-style-type: none; padding-left: 0; }
        body.nav-page ol ol { padding-left: 1.5em; }
        body.nav-page li { margin: 0.4em 0; }
        body.nav-page a { text-decoration: none; }

        /* The cover fits the screen whatever its shape: a block (an inline image would leave the line's descender
           gap below it, which pushes a full-height picture onto a second, blank page), no margins, at most the
           viewport's height and width, the aspect ratio kept by the auto sizes. */
        body.cover-page { margin: 0; padding: 0; text-align: center; }
        section.cover { margin: 0; padding: 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
        section.cover img { display: block; margin: 0 auto; max-width: 100%; max-height: 100vh; width: auto; height: auto; }
        section.cover h1 { margin-top: 30vh; }
        """;
}
