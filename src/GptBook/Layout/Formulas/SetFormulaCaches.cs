using System.Collections.Concurrent;
using GptBook.Fonts;
using GptBook.Units;

namespace GptBook.Layout.Formulas;

/// <summary>
/// The typesetter's results for the whole layout, one <see cref="SetFormulaCache"/> for each size formulas are set at:
/// the size converts lengths written in absolute units (<c>\\[4pt]</c>), so it is part of the key. One instance serves
/// every thread of the layout (<see cref="LayoutContext.Detached"/>), so that a formula the book repeats across the
/// runs of blocks the threads lay out is typeset once for the book, not once per run. Safe to share between threads.
/// </summary>
public sealed class SetFormulaCaches(FontSet fonts)
{
    private readonly MathFont _font = new(fonts);
    private readonly ConcurrentDictionary<double, SetFormulaCache> _caches = new();

    /// <summary>The cache of formulas set at <paramref name="size"/>, made on first use.</summary>
    public SetFormulaCache At(Length size) =>
        _caches.GetOrAdd(size.Points, static (points, font) => new SetFormulaCache(new MathTypesetter(font, points)), _font);
}
