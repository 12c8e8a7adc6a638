namespace GptBook.Layout.Text;

/// <summary>
/// How a line takes up its slack, in clreq's order (§3.8, docs/typesetting.md). Too long: the Han–Latin glue and
/// word spaces are pushed in first, then the blank halves of punctuation. Too short: the Han–Latin glue widens
/// first (to ⅜ em), then the word spaces (to twice their width), and only then the space between Han characters and
/// marks, to at most <see cref="ParagraphItems.CharacterStretchCap"/>. <see cref="Rest"/> is what no gap may take
/// within those limits: the breaker treats such a line as a last resort, and the composer spreads it over the
/// character gaps (or else the word spaces) only when no better set of breaks exists, and never letter-spaces a
/// line that has neither.
/// </summary>
internal readonly record struct Justification(double SpaceRatio, double PunctuationRatio, double HanLatinRatio, double WordSpaceRatio, double CharacterRatio, double Rest)
{
    public static Justification Of(ParagraphItems p, int s, int e, double slack)
    {
        if (slack < 0)
        {
            var need = -slack;
            var spaces = p.SpaceShrinkable(s, e);
            var fromSpaces = Math.Min(need, spaces);
            need -= fromSpaces;
            var punctuation = p.PunctuationShrinkable(s, e);
            var fromPunctuation = Math.Min(need, punctuation);
            need -= fromPunctuation;
            return new Justification(Ratio(fromSpaces, spaces), Ratio(fromPunctuation, punctuation), 0, 0, 0, -need);
        }
        var hanLatin = p.HanLatinStretchable(s, e);
        var fromHanLatin = Math.Min(slack, hanLatin);
        slack -= fromHanLatin;
        var words = p.WordSpaceStretchable(s, e);
        var fromWords = Math.Min(slack, words);
        slack -= fromWords;
        var characters = p.CharacterStretchable(s, e);
        var fromCharacters = Math.Min(slack, characters);
        slack -= fromCharacters;
        return new Justification(0, 0, Ratio(fromHanLatin, hanLatin), Ratio(fromWords, words), Ratio(fromCharacters, characters), slack);
    }

    private static double Ratio(double used, double capacity) => capacity > 0 ? used / capacity : 0;

    /// <summary>
    /// Badness in TeX's sense (100 = loose): cheap for the Han–Latin glue, TeX's scale for word spaces (twice their
    /// width is 100), and for the space between Han characters 100 at 0.1 em each (1560 at the 0.25 em cap);
    /// squeezing costs little for spaces and more for punctuation.
    /// </summary>
    public double Badness =>
        20 * Cube(HanLatinRatio) + 100 * Cube(WordSpaceRatio) + 1560 * Cube(CharacterRatio)
        + 30 * Cube(SpaceRatio) + 100 * Cube(PunctuationRatio);

    private static double Cube(double x) => x * x * x;
}
