using GptBook.Units;

namespace GptBook.Configuration;

/// <summary>
/// Print settings. Margins are mirrored: <see cref="InnerMargin"/> is at the spine. <see cref="Bleed"/> is added
/// around the trim box on every side; with <see cref="CropMarks"/> the media box grows to hold the marks.
/// The TOC lists the headings of <see cref="TocLevels"/>; unset, a book of several chapters lists its chapter
/// titles and two levels below them (1–3), a single article the levels below its title (2–3).
/// </summary>
public sealed record PdfOptions
{
    public PageSize PageSize { get; init; } = PageSize.A5;
    public Length InnerMargin { get; init; } = Length.Mm(20);
    public Length OuterMargin { get; init; } = Length.Mm(16);
    public Length TopMargin { get; init; } = Length.Mm(20);
    public Length BottomMargin { get; init; } = Length.Mm(20);
    public Length Bleed { get; init; } = Length.Zero;
    public bool CropMarks { get; init; }
    public Length FontSize { get; init; } = Length.Pt(10.5);
    public double LineHeight { get; init; } = 1.7;
    /// <summary>The heading levels (1–6, ascending, any set) listed in the TOC; null for the default.</summary>
    public IReadOnlyList<int>? TocLevels { get; init; }

    /// <summary>The levels the TOC lists for a book of <paramref name="chapterCount"/> chapters.</summary>
    public IReadOnlyList<int> TocLevelsFor(int chapterCount) => TocLevels ?? (chapterCount > 1 ? [1, 2, 3] : [2, 3]);
    /// <summary>Figures are scaled to at most this fraction of the text block's height.</summary>
    public double MaxFigureHeight { get; init; } = 0.6;
}

/// <summary>A trim size. Presets: A5, B5 (ISO, 176×250 mm) and 16开 (185×260 mm); anything else is custom.</summary>
public sealed record PageSize(string Name, Length Width, Length Height)
{
    public static readonly PageSize A5 = new("A5", Length.Mm(148), Length.Mm(210));
    public static readonly PageSize B5 = new("B5", Length.Mm(176), Length.Mm(250));
    public static readonly PageSize Kai16 = new("16开", Length.Mm(185), Length.Mm(260));

    public static IReadOnlyList<PageSize> Presets { get; } = [A5, B5, Kai16];
}
