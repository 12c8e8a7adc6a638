namespace GptBook.Html;

/// <summary>
/// The formula rules the EPUB's and the site's stylesheets share, for the markup <see cref="XhtmlContentWriter"/>
/// writes around formulas in both: display math centred with its number at the right margin (a float, and where
/// flexible boxes work a balanced flexible box; a numbered align's rows as a table across the measure), the spacing
/// of equation numbers and tight tables inside MathML, the frame of \boxed, the alignment of table columns, and the
/// marked box of a formula that could not be parsed. Each writer appends its own rules beside these: the EPUB its
/// formula pictures, the site its math faces.
/// </summary>
public static class FormulaStyles
{
    public const string Css = """
        /* Formulas (MathML): display math centred with its number at the right margin; the alignment of align and
           array columns (MathML's columnalign, which MathML Core engines read from CSS); a formula that could not
           be parsed is its source in a marked box. */
        .math-display { margin: 0.8em 0; text-align: center; text-indent: 0; overflow-x: auto; overflow-y: hidden; }
        .math-display > .equation-number { float: right; margin-left: 1em; }
        /* Where flexible boxes work, a numbered formula is centred on the measure (an empty first item as wide as the
           number balances it) with its number level with its middle: a float sits at the top of the line, well above the
           baseline of a tall formula. A number that does not fit beside its formula goes to the next line, at the right;
           engines without flex keep the float. */
        @supports (display: flex) and (flex-wrap: wrap) {
          .math-display.numbered { display: flex; flex-wrap: wrap; align-items: center; }
          .math-display.numbered::before { content: ""; flex: 1 0 0; margin-right: 1em; }
          .math-display.numbered > * { order: 1; flex: 0 1 auto; }
          .math-display.numbered > .equation-number { order: 2; flex: 1 0 0; float: none; text-align: right; }
        }
        /* MathML's column alignment, for the engines that read it from CSS: Chromium (the site, calibre's viewer) lays a
           cell's MathML out as a block and aligns it by the -webkit- keywords only. */
        mtd[columnalign="left"] { text-align: left; text-align: -webkit-left; }
        mtd[columnalign="right"] { text-align: right; text-align: -webkit-right; }
        mtable[columnspacing="0em"] > mtr > mtd { padding-left: 0; padding-right: 0; }
        /* A numbered align or gather spans the measure: its empty first column and its numbers' column take half of
           what the formula leaves each, so the formula stays centred and the numbers sit at the right margin, each on
           its row's baseline (MathML Core lays the table out as a CSS table). */
        mtable.numbered { width: 100%; }
        mtable.numbered > mtr > mtd.equation-balance, mtable.numbered > mtr > mtd.equation-number { width: 50%; }
        mtable > mtr > mtd.equation-number { padding-left: 1em; }
        mtable.numbered > mtr > mtd.equation-balance { padding-right: 1em; }
        /* array's | and \hline rules: MathML Core ignores columnlines and rowlines, so the cells carry them as borders. */
        mtd.rule-left { border-left: 1px solid currentColor; }
        mtd.rule-right { border-right: 1px solid currentColor; }
        mtd.rule-top { border-top: 1px solid currentColor; }
        mtd.rule-bottom { border-bottom: 1px solid currentColor; }
        mrow.boxed { border: 1px solid currentColor; padding: 0.2em 0.25em; }
        /* \cancel: MathML Core has no menclose, so Chromium is given the diagonals as backgrounds (a gradient toward one
           corner has its middle line through the other two). */
        menclose[notation="updiagonalstrike"] { background: linear-gradient(to bottom right, transparent calc(50% - 0.05em), currentColor calc(50% - 0.05em), currentColor calc(50% + 0.05em), transparent calc(50% + 0.05em)); }
        menclose[notation="downdiagonalstrike"] { background: linear-gradient(to top right, transparent calc(50% - 0.05em), currentColor calc(50% - 0.05em), currentColor calc(50% + 0.05em), transparent calc(50% + 0.05em)); }
        menclose[notation="updiagonalstrike downdiagonalstrike"] { background: linear-gradient(to top right, transparent calc(50% - 0.05em), currentColor calc(50% - 0.05em), currentColor calc(50% + 0.05em), transparent calc(50% + 0.05em)), linear-gradient(to bottom right, transparent calc(50% - 0.05em), currentColor calc(50% - 0.05em), currentColor calc(50% + 0.05em), transparent calc(50% + 0.05em)); }
        merror, .math-error { border: 1px solid #cc0000; background-color: #fff3f3; color: #990000; padding: 0 0.2em; }
        """;
}
