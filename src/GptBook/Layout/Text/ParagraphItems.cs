using System.Text;
using static GptBook.Layout.Text.ChineseLineBreakRules;
using GptBook.Fonts;

namespace GptBook.Layout.Text;

/// <summary>
/// The measure phase of <see cref="ParagraphComposer"/>: a paragraph turned into one item per character, each with
/// its resolved face and advance, and for the gap after it the fixed glue (Han–Latin spacing, punctuation
/// compression), how far it may shrink, whether it takes justification space and whether a line may break there.
/// An <see cref="InlineObject"/> is one item of kind <see cref="CharacterKind.Object"/>, as wide as the object, whose
/// break flags become the line-start and line-end prohibitions. Prefix sums make the width of any stretch of items O(1).
/// </summary>
internal sealed class ParagraphItems
{
    internal struct Item
    {
        public int CodePoint;
        /// <summary>Index of the <see cref="StyledText"/> this character comes from.</summary>
        public int Source;
        /// <summary>Position of the character in its source text, or -1 for a space a tab was expanded into.</summary>
        public int CharIndex;
        public byte CharCount;
        public FontRole Face;
        public CharacterKind Kind;
        /// <summary>A punctuation mark one em wide, whose blank half may be compressed.</summary>
        public bool FullWidth;
        public bool NoStart;
        public bool NoEnd;
        /// <summary>From a superscript style (a footnote reference): bound to what precedes it, no Han–Latin spacing.</summary>
        public bool Superscript;
        /// <summary>No face has this character: it is set one em wide in a run of its own (drawn as .notdef).</summary>
        public bool Missing;
        /// <summary>An inline object set apart from adjacent Han like a Latin word (<see cref="InlineObject.SpacedFromHan"/>).</summary>
        public bool SpacedFromHan;
        /// <summary>A line may break after this item.</summary>
        public bool BreakAfter;
        /// <summary>A line that breaks after this item ends with a hyphen (a Latin word hyphenated by Liang's patterns).</summary>
        public bool HyphenAfter;
        /// <summary>Demerits for breaking after this item (inside a word, a URL or code); 0 at an ordinary break.</summary>
        public double Penalty;
        /// <summary>What the gap after this item is, which decides when it takes justification space (clreq's order).</summary>
        public GapKind Gap;
        /// <summary>How far the gap after this item may widen in its turn (its share of a line's stretch).</summary>
        public double StretchMax;
        public double Size;
        public double Advance;
        /// <summary>Fixed space added after this item (negative for compression).</summary>
        public double Glue;
        /// <summary>How much the gap after this item may narrow: Han–Latin glue or a word space.</summary>
        public double Shrink;
        /// <summary>How much of a punctuation mark's blank half next to this gap may be compressed.</summary>
        public double PunctuationShrink;
        /// <summary>The advance of a hyphen in this item's face and size (for a hyphenation point after it).</summary>
        public double HyphenAdvance;
    }

    /// <summary>
    /// The kinds of gap, in the order justification uses them (clreq §3.8): the Han–Latin glue first, then spaces
    /// between Latin words, then (only to stretch, and capped) the space between Han characters and marks. Gaps
    /// inside a Latin word or a —— pair never change.
    /// </summary>
    internal enum GapKind : byte { None, HanLatin, WordSpace, Character }

    /// <summary>A stretch of items between hard line breaks; <see cref="StyleSource"/> gives an empty one its style.</summary>
    internal readonly record struct Segment(int Start, int End, int StyleSource);

    /// <summary>How far a word space may shrink when a line pushes in a character it must not push out.</summary>
    private const double SpaceShrinkRatio = 1.0 / 3;

    /// <summary>How far a word space may widen, as a share of its own width (to twice as wide).</summary>
    private const double SpaceStretchRatio = 1.0;

    /// <summary>The most the space between two Han characters may widen, in em (clreq: 0.25 em already shows).</summary>
    public const double CharacterStretchCap = 0.25;

    /// <summary>Demerits for ending a line with a hyphen (TeX's \hyphenpenalty of 50, squared into demerits).</summary>
    public const double HyphenPenalty = 3000;

    /// <summary>Demerits for breaking a URL or an identifier in code (after / or before . _ and the like).</summary>
    public const double IdentifierBreakPenalty = 2000;

    private readonly double[] _advanceSums;
    private readonly double[] _glueSums;
    private readonly double[] _shrinkSums;
    private readonly double[] _punctuationShrinkSums;
    private readonly double[] _hanLatinStretchSums;
    private readonly double[] _wordSpaceStretchSums;
    private readonly double[] _characterStretchSums;
    private readonly int[] _characterCounts;
    private readonly int[] _wordSpaceCounts;

    private ParagraphItems(Item[] items, List<Segment> segments, FontRole markFace, double markWidth)
    {
        Items = items;
        Segments = segments;
        MarkFace = markFace;
        MarkWidth = markWidth;
        var n = items.Length + 1;
        _advanceSums = new double[n];
        _glueSums = new double[n];
        _shrinkSums = new double[n];
        _punctuationShrinkSums = new double[n];
        _hanLatinStretchSums = new double[n];
        _wordSpaceStretchSums = new double[n];
        _characterStretchSums = new double[n];
        _characterCounts = new int[n];
        _wordSpaceCounts = new int[n];
        for (var i = 0; i < items.Length; i++)
        {
            ref readonly var item = ref items[i];
            _advanceSums[i + 1] = _advanceSums[i] + item.Advance;
            _glueSums[i + 1] = _glueSums[i] + item.Glue;
            _shrinkSums[i + 1] = _shrinkSums[i] + item.Shrink;
            _punctuationShrinkSums[i + 1] = _punctuationShrinkSums[i] + item.PunctuationShrink;
            _hanLatinStretchSums[i + 1] = _hanLatinStretchSums[i] + (item.Gap == GapKind.HanLatin ? item.StretchMax : 0);
            _wordSpaceStretchSums[i + 1] = _wordSpaceStretchSums[i] + (item.Gap == GapKind.WordSpace ? item.StretchMax : 0);
            _characterStretchSums[i + 1] = _characterStretchSums[i] + (item.Gap == GapKind.Character ? item.StretchMax : 0);
            _characterCounts[i + 1] = _characterCounts[i] + (item.Gap == GapKind.Character ? 1 : 0);
            _wordSpaceCounts[i + 1] = _wordSpaceCounts[i] + (item.Gap == GapKind.WordSpace ? 1 : 0);
        }
    }

    public Item[] Items { get; }

    public List<Segment> Segments { get; }

    public FontRole MarkFace { get; }

    public double MarkWidth { get; }

    /// <summary>Width of items s..e with the glue between them, nothing trimmed.</summary>
    public double Natural(int s, int e) => _advanceSums[e + 1] - _advanceSums[s] + _glueSums[e] - _glueSums[s];

    /// <summary>Width of a line s..e as set: the line-end mark trimmed to half width, a hyphen added after a hyphenation point.</summary>
    public double Width(int s, int e) => Natural(s, e) - Trim(e) + (Items[e].HyphenAfter ? HyphenWidth(e) : 0);

    /// <summary>The width of the hyphen a line broken after item <paramref name="e"/> ends with.</summary>
    public double HyphenWidth(int e) => Items[e].HyphenAdvance;

    /// <summary>How much the gaps between items s..e may shrink in all.</summary>
    public double Shrinkable(int s, int e) => SpaceShrinkable(s, e) + PunctuationShrinkable(s, e);

    /// <summary>How much the Han–Latin glue and word spaces between items s..e may shrink (pushed in first).</summary>
    public double SpaceShrinkable(int s, int e) => _shrinkSums[e] - _shrinkSums[s];

    /// <summary>How much the punctuation between items s..e may be compressed (pushed in after the spaces).</summary>
    public double PunctuationShrinkable(int s, int e) => _punctuationShrinkSums[e] - _punctuationShrinkSums[s];

    /// <summary>How far the Han–Latin glue between items s..e may widen (the first to stretch).</summary>
    public double HanLatinStretchable(int s, int e) => _hanLatinStretchSums[e] - _hanLatinStretchSums[s];

    /// <summary>How far the word spaces between items s..e may widen (the second).</summary>
    public double WordSpaceStretchable(int s, int e) => _wordSpaceStretchSums[e] - _wordSpaceStretchSums[s];

    /// <summary>How far the gaps between Han characters and marks between items s..e may widen, to the cap (the last).</summary>
    public double CharacterStretchable(int s, int e) => _characterStretchSums[e] - _characterStretchSums[s];

    /// <summary>How many gaps between items s..e are between Han characters and marks.</summary>
    public int CharacterGaps(int s, int e) => _characterCounts[e] - _characterCounts[s];

    /// <summary>How many gaps between items s..e are word spaces.</summary>
    public int WordSpaces(int s, int e) => _wordSpaceCounts[e] - _wordSpaceCounts[s];

    /// <summary>The blank half of a full-width closing mark that ends a line (GB/T 15834 §5.1.10).</summary>
    public double Trim(int e) => Items[e].Kind == CharacterKind.ClosingMark && Items[e].FullWidth ? Items[e].Size / 2 : 0;

    /// <summary>The last item of a line that breaks after <paramref name="b"/>: a trailing space does not count.</summary>
    public int ContentEnd(int s, int b) => b > s && Items[b].Kind == CharacterKind.Space ? b - 1 : b;

    public void AppendText(StringBuilder builder, int k, IReadOnlyList<StyledText> text)
    {
        var item = Items[k];
        if (item.CharIndex < 0) builder.Append(' ');
        else builder.Append(text[item.Source].Text.AsSpan(item.CharIndex, item.CharCount));
    }

    /// <summary>
    /// The items of the paragraph being measured on this thread, before they are copied into the paragraph's own
    /// array: one list per thread, reused from paragraph to paragraph, instead of a list as long as the paragraph's
    /// text for every paragraph (an item is about 100 bytes, so that was a fifth of all a long book's build allocated,
    /// and collecting it stopped every thread).
    /// </summary>
    [ThreadStatic] private static List<Item>? t_items;

    public static ParagraphItems Measure(IReadOnlyList<StyledText> text, ParagraphSettings settings, ITextMeasurer measurer)
    {
        var capacity = 0;
        foreach (var part in text) capacity += part.Text.Length;
        var items = t_items ??= [];
        items.Clear();
        items.EnsureCapacity(capacity);
        var segments = new List<Segment>();
        var segmentStart = 0;
        var column = 0;
        var code = settings.CodeWrap;
        var lastSource = 0;
        for (var source = 0; source < text.Count; source++)
        {
            var style = text[source].Style;
            var str = text[source].Text;
            lastSource = source;
            if (text[source].Object is { } inlineObject)
            {
                items.Add(NewObjectItem(inlineObject, source, style));
                column++;
                continue;
            }
            for (var i = 0; i < str.Length;)
            {
                int cp;
                byte count = 1;
                if (char.IsHighSurrogate(str[i]) && i + 1 < str.Length && char.IsLowSurrogate(str[i + 1]))
                {
                    cp = char.ConvertToUtf32(str[i], str[i + 1]);
                    count = 2;
                }
                else cp = str[i];
                var at = i;
                i += count;

                if (cp == '\n')
                {
                    segments.Add(new Segment(segmentStart, items.Count, source));
                    segmentStart = items.Count;
                    column = 0;
                    continue;
                }
                // Carriage returns, other controls, zero-width spaces, soft hyphens and BOMs carry nothing to set, nor
                // do emoji variation selectors and joiners (FontFallbackChain.IsIgnorable).
                if (cp is '\r' or 0x200B or 0x00AD or 0xFEFF || (cp < 0x20 && cp != '\t') || FontFallbackChain.IsIgnorable(cp)) continue;

                if (cp == '\t' && code)
                {
                    for (var n = settings.TabSize - column % Math.Max(1, settings.TabSize); n > 0; n--)
                        items.Add(NewItem(' ', source, -1, 1, style, measurer));
                    column += settings.TabSize - column % Math.Max(1, settings.TabSize);
                    continue;
                }
                var item = NewItem(cp == '\t' ? ' ' : cp, source, at, count, style, measurer);
                // Outside code, runs of spaces set as one.
                if (!code && item.Kind == CharacterKind.Space && items.Count > segmentStart && items[^1].Kind == CharacterKind.Space) continue;
                items.Add(item);
                column++;
            }
        }
        segments.Add(new Segment(segmentStart, items.Count, lastSource));
        // Quotes, dashes and ellipses in Latin text come from the Latin face (before the gaps are set).
        ScriptPunctuation.Choose(items, measurer);

        Item[] array;
        if (code)
        {
            array = items.ToArray();
            for (var k = 0; k < array.Length; k++) array[k].BreakAfter = true;
        }
        else
        {
            DropSpaces(items, segments);
            array = items.ToArray();
            foreach (var segment in segments) SetGaps(array, segment, settings);
        }
        // A hard break at the very end adds no empty line, and a paragraph of nothing has no lines at all.
        while (segments.Count > 1 && segments[^1].Start == segments[^1].End) segments.RemoveAt(segments.Count - 1);
        if (segments.Count == 1 && segments[0].Start == segments[0].End) segments.Clear();
        var (markFace, markWidth) = code ? MeasureMark(text, settings, measurer) : (FontRole.Mono, 0);
        return new ParagraphItems(array, segments, markFace, markWidth);
    }

    /// <summary>The face and width of the code-continuation mark, at the size of the paragraph's first run.</summary>
    private static (FontRole Face, double Width) MeasureMark(IReadOnlyList<StyledText> text, ParagraphSettings settings, ITextMeasurer measurer)
    {
        if (text.Count == 0) return (FontRole.Mono, 0);
        var style = text[0].Style;
        FontRole? face = null;
        double width = 0;
        foreach (var rune in settings.ContinuationMark.EnumerateRunes())
        {
            face ??= measurer.ResolveFace(style.Font, rune.Value);
            width += measurer.Advance(face.Value, rune.Value) * style.Size.Points;
        }
        return (face ?? style.Font, width);
    }

    private static Item NewItem(int cp, int source, int at, byte count, TextStyle style, ITextMeasurer measurer)
    {
        var size = style.Size.Points;
        var face = measurer.ResolveFace(style.Font, cp);
        var missing = cp != ' ' && !measurer.HasGlyph(face, cp);
        var advance = missing ? size : measurer.Advance(face, cp) * size;
        var kind = Classify(cp);
        return new Item
        {
            CodePoint = cp,
            Source = source,
            CharIndex = at,
            CharCount = count,
            Face = face,
            Kind = kind,
            FullWidth = kind is CharacterKind.ClosingMark or CharacterKind.OpeningMark && Math.Abs(advance - size) < size * 0.01,
            NoStart = IsNoStart(cp) || style.Superscript,
            NoEnd = IsNoEnd(cp),
            Superscript = style.Superscript,
            Missing = missing,
            Size = size,
            Advance = advance,
            HyphenAdvance = cp < 0x80 && char.IsAsciiLetter((char)cp) ? measurer.Advance(face, '-') * size : 0,
        };
    }

    private static Item NewObjectItem(InlineObject inlineObject, int source, TextStyle style) => new()
    {
        CodePoint = 0xFFFC,
        Source = source,
        Face = style.Font,
        Kind = CharacterKind.Object,
        NoStart = !inlineObject.BreakBefore,
        NoEnd = !inlineObject.BreakAfter,
        SpacedFromHan = inlineObject.SpacedFromHan,
        Size = style.Size.Points,
        Advance = inlineObject.Width.Points,
    };

    /// <summary>
    /// Removes spaces at the start and end of each segment and next to full-width punctuation (whose blank half
    /// is space enough), and shifts the segment bounds to match.
    /// </summary>
    private static void DropSpaces(List<Item> items, List<Segment> segments)
    {
        // Compacts in place: the write position never passes the read position.
        var write = 0;
        for (var n = 0; n < segments.Count; n++)
        {
            var (start, end, style) = segments[n];
            var newStart = write;
            for (var k = start; k < end; k++)
            {
                var item = items[k];
                if (item.Kind == CharacterKind.Space)
                {
                    var atStart = write == newStart;
                    var atEnd = k + 1 == end;
                    var nextToMark = (!atStart && IsFullWidthMark(items[write - 1])) || (!atEnd && IsFullWidthMark(items[k + 1]));
                    if (atStart || atEnd || nextToMark) continue;
                }
                items[write++] = item;
            }
            segments[n] = new Segment(newStart, write, style);
        }
        items.RemoveRange(write, items.Count - write);
    }

    private static bool IsFullWidthMark(in Item item) =>
        item.FullWidth && item.Kind is CharacterKind.ClosingMark or CharacterKind.OpeningMark;

    private static void SetGaps(Item[] items, Segment segment, ParagraphSettings settings)
    {
        var (start, end, _) = segment;
        MarkApostrophes(items, segment);
        for (var i = start; i < end - 1; i++)
        {
            ref var a = ref items[i];
            ref readonly var b = ref items[i + 1];
            double glue = 0, shrink = 0, stretch = 0, punctuation = 0;
            var gap = GapKind.None;

            if (a.Kind == CharacterKind.Space)
            {
                // A source space between Han and a Latin letter or digit becomes exactly the Han–Latin spacing.
                ref readonly var before = ref items[i - 1];
                var hanEm = HanLatinEm(before, b);
                if (hanEm > 0)
                {
                    glue = settings.HanLatinSpacing * hanEm - a.Advance;
                    (shrink, stretch, gap) = (settings.HanLatinSpacing * hanEm / 2, settings.HanLatinSpacing * hanEm / 2, GapKind.HanLatin);
                }
                else (shrink, stretch, gap) = (a.Advance * SpaceShrinkRatio, a.Advance * SpaceStretchRatio, GapKind.WordSpace);
            }
            else
            {
                var hanEm = HanLatinEm(a, b);
                if (hanEm > 0)
                {
                    glue = settings.HanLatinSpacing * hanEm;
                    (shrink, stretch, gap) = (glue / 2, glue / 2, GapKind.HanLatin);
                }
            }

            // Adjacent full-width marks (，“ 。” ）。 “《): where a blank half meets a blank half or an inked one,
            // one blank half goes, so that a mark pair is no wider than 1.5 em.
            var aBlankRight = a.FullWidth && a.Kind == CharacterKind.ClosingMark;
            var bBlankLeft = b.FullWidth && b.Kind == CharacterKind.OpeningMark;
            if (aBlankRight && (bBlankLeft || (b.FullWidth && b.Kind == CharacterKind.ClosingMark)))
                glue -= a.Size / 2;
            else if (bBlankLeft && a.FullWidth && a.Kind == CharacterKind.OpeningMark)
                glue -= b.Size / 2;
            else
            {
                if (a.Kind == CharacterKind.ClosingMark && a.FullWidth) punctuation += a.Size / 2;
                if (b.Kind == CharacterKind.OpeningMark && b.FullWidth) punctuation += b.Size / 2;
            }

            if (a.Kind == CharacterKind.Western && a.FullWidth) glue -= a.Size / 2; // a full-width apostrophe

            var insidePair = IsInsidePair(items, start, i);
            var westernPair = a.Kind == CharacterKind.Western && b.Kind == CharacterKind.Western;
            // Where an inline object forbids the break, the gap is part of it (a formula's pieces): no spreading.
            var bound = (a.Kind == CharacterKind.Object && a.NoEnd) || (b.Kind == CharacterKind.Object && b.NoStart);
            if (bound) (gap, stretch) = (GapKind.None, 0);
            else if (gap == GapKind.None && b.Kind != CharacterKind.Space && !westernPair && !insidePair && !b.Superscript)
                (gap, stretch) = (GapKind.Character, CharacterStretchCap * Math.Max(a.Size, b.Size));
            a.Glue = glue;
            a.Shrink = shrink;
            a.PunctuationShrink = punctuation;
            a.Gap = gap;
            a.StretchMax = stretch;
            a.BreakAfter = CanBreak(items, start, i, insidePair, westernPair && !IsCompoundHyphen(items, start, end, i));
        }
        if (end > start) items[end - 1].BreakAfter = true;
        KeepNumbersWithUnits(items, segment);
        WordBreaks.Mark(items, segment);
        AllowBreaksInOverlongWords(items, segment, Math.Max(0, settings.Measure.Points - settings.FirstLineIndent.Points));
    }

    /// <summary>
    /// No break at a space between a number and its unit (100 GB, 3.5 ms, 32 K): the two read as one quantity.
    /// A unit here is one to three Latin letters standing alone after the number.
    /// </summary>
    private static void KeepNumbersWithUnits(Item[] items, Segment segment)
    {
        for (var i = segment.Start + 1; i < segment.End - 1; i++)
        {
            if (items[i].Kind != CharacterKind.Space || !IsAsciiDigit(items[i - 1].CodePoint)) continue;
            var k = i + 1;
            while (k < segment.End && k - i <= 3 && IsAsciiLetter(items[k].CodePoint)) k++;
            var letters = k - i - 1;
            if (letters is >= 1 and <= 3 && (k == segment.End || !IsAsciiLetter(items[k].CodePoint) && !IsAsciiDigit(items[k].CodePoint)))
                items[i].BreakAfter = false;
        }
    }

    private static bool IsAsciiDigit(int c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetter(int c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>
    /// ’ between two Latin letters (OpenAI’s, don’t) is an apostrophe, not a closing quote: part of the word, so no
    /// break and no line-start rule. It is set in the Latin face (<see cref="ScriptPunctuation"/>); where that face
    /// lacks it and the SC face draws it one em wide with the ink on the left, it keeps half.
    /// </summary>
    private static void MarkApostrophes(Item[] items, Segment segment)
    {
        for (var i = segment.Start + 1; i < segment.End - 1; i++)
        {
            ref var item = ref items[i];
            if (item.CodePoint != 0x2019 || !IsWesternLetterOrDigit(items[i - 1].CodePoint) || !IsWesternLetterOrDigit(items[i + 1].CodePoint)) continue;
            item.Kind = CharacterKind.Western;
            item.NoStart = false;
            // FullWidth stays set: on a Western item it means "compress by half" (see SetGaps).
        }
    }

    /// <summary>The em of the Han side when one of the two is Han and the other a Latin letter or digit, else 0.</summary>
    private static double HanLatinEm(in Item a, in Item b)
    {
        if (a.Superscript || b.Superscript) return 0;
        if (a.Kind == CharacterKind.Han && IsSpacedFromHan(b)) return a.Size;
        if (b.Kind == CharacterKind.Han && IsSpacedFromHan(a)) return b.Size;
        return 0;
    }

    private static bool IsSpacedFromHan(in Item item) =>
        item.Kind == CharacterKind.Western ? IsWesternLetterOrDigit(item.CodePoint) : item.Kind == CharacterKind.Object && item.SpacedFromHan;

    private static bool CanBreak(Item[] items, int start, int i, bool insidePair, bool westernPair)
    {
        ref readonly var a = ref items[i];
        ref readonly var b = ref items[i + 1];
        if (b.Kind == CharacterKind.Space) return false; // break after the space instead
        ref readonly var content = ref a.Kind == CharacterKind.Space ? ref items[i - 1] : ref a;
        if (content.NoEnd) return false;
        if (b.NoStart && !StartsPair(items, start, i + 1)) return false;
        if (a.Kind == CharacterKind.Space) return true;
        return !insidePair && !westernPair;
    }

    /// <summary>
    /// A hyphen joining words of letters (zero-shot, state-of-the-art): a line may break after it, as in any
    /// Western text. Not in GPT-4 or 1-2 (a digit follows or precedes), nor after a single letter.
    /// </summary>
    private static bool IsCompoundHyphen(Item[] items, int start, int end, int i)
    {
        if (items[i].CodePoint != '-') return false;
        static bool Letter(in Item item) => item.CodePoint < 0x80 && char.IsAsciiLetter((char)item.CodePoint);
        for (var k = i - 2; k < i; k++) if (k < start || !Letter(items[k])) return false;
        for (var k = i + 1; k <= i + 3; k++) if (k >= end || !Letter(items[k])) return false;
        return true;
    }

    /// <summary>Whether items i and i+1 are the two halves of one —— or …….</summary>
    private static bool IsInsidePair(Item[] items, int start, int i) =>
        items[i].Kind is CharacterKind.Dash or CharacterKind.Ellipsis && items[i + 1].CodePoint == items[i].CodePoint
        && PositionInRun(items, start, i) % 2 == 0;

    /// <summary>Whether item j is the first half of a —— or …… (which, unlike a lone dash, may start a line).</summary>
    private static bool StartsPair(Item[] items, int start, int j) =>
        items[j].Kind is CharacterKind.Dash or CharacterKind.Ellipsis && j + 1 < items.Length
        && items[j + 1].CodePoint == items[j].CodePoint && PositionInRun(items, start, j) % 2 == 0;

    private static int PositionInRun(Item[] items, int start, int i)
    {
        var n = 0;
        while (i - n - 1 >= start && items[i - n - 1].CodePoint == items[i].CodePoint) n++;
        return n;
    }

    /// <summary>
    /// A stretch without a break opportunity that is wider than a line (a URL, a long identifier) may break after
    /// / . - ? &amp; _ = # before a letter or digit; where a piece between those is still wider than a line, it may
    /// break anywhere (but not before a character that may not start a line).
    /// </summary>
    private static void AllowBreaksInOverlongWords(Item[] items, Segment segment, double lineWidth)
    {
        var from = segment.Start;
        for (var i = segment.Start; i < segment.End; i++)
        {
            if (!items[i].BreakAfter) continue;
            if (Natural(items, from, i) > lineWidth)
            {
                for (var k = from; k < i; k++)
                {
                    if (items[k].Kind != CharacterKind.Western || !IsUrlBreakAfter(items[k].CodePoint)) continue;
                    var next = items[k + 1].CodePoint;
                    if (next < 0x80 && char.IsAsciiLetterOrDigit((char)next)) items[k].BreakAfter = true;
                }
                var pieceStart = from;
                for (var k = from; k <= i; k++)
                {
                    if (!items[k].BreakAfter) continue;
                    if (Natural(items, pieceStart, k) > lineWidth)
                        for (var j = pieceStart; j < k; j++)
                        {
                            // Before a space the break is the space's (what follows it decides, as in CanBreak).
                            if (items[j + 1].Kind == CharacterKind.Space) continue;
                            items[j].BreakAfter = !items[j + 1].NoStart && !ObjectBindsAfter(items, segment.Start, j);
                        }
                    pieceStart = k + 1;
                }
            }
            from = i + 1;
        }
    }

    /// <summary>Whether an inline object forbids a line break after item <paramref name="k"/> of a segment
    /// starting at <paramref name="start"/> (a break after a space counts as a break after what precedes it).</summary>
    public bool ObjectBindsAfter(int start, int k) => ObjectBindsAfter(Items, start, k);

    private static bool ObjectBindsAfter(Item[] items, int start, int k)
    {
        ref readonly var content = ref items[k].Kind == CharacterKind.Space && k > start ? ref items[k - 1] : ref items[k];
        if (content.Kind == CharacterKind.Object && content.NoEnd) return true;
        return k + 1 < items.Length && items[k + 1].Kind == CharacterKind.Object && items[k + 1].NoStart;
    }

    private static double Natural(Item[] items, int s, int e)
    {
        double width = 0;
        for (var k = s; k <= e; k++) width += items[k].Advance + (k < e ? items[k].Glue : 0);
        return width;
    }
}
