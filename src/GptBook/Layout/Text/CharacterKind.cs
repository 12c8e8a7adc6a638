namespace GptBook.Layout.Text;

/// <summary>What a character is for line breaking, spacing and punctuation compression.</summary>
internal enum CharacterKind : byte
{
    /// <summary>Han ideographs, kana, Hangul, full-width letters and digits: breakable on either side.</summary>
    Han,
    /// <summary>Latin, Greek, Cyrillic letters, European digits and ASCII symbols: no break inside a run of them.</summary>
    Western,
    /// <summary>A word space (U+0020, tab): a break opportunity after it; stretches in justification.</summary>
    Space,
    /// <summary>Full-width pause/stop marks, closing quotes, brackets and book-title marks: ink on the left half in SC fonts.</summary>
    ClosingMark,
    /// <summary>Opening quotes, brackets and book-title marks: ink on the right half.</summary>
    OpeningMark,
    /// <summary>Em dash and two-em dash: a pair (——) is never split.</summary>
    Dash,
    /// <summary>Ellipsis: a pair (……) is never split.</summary>
    Ellipsis,
    /// <summary>Other CJK symbols and marks (interpuncts, ℃, 〇 …): breakable, no Han–Latin spacing.</summary>
    OtherCjk,
    /// <summary>An <see cref="InlineObject"/>: breakable on either side unless it says otherwise; no spacing of its own.</summary>
    Object,
}
