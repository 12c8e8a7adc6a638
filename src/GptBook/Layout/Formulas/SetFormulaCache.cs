using System.Collections.Concurrent;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

/// <summary>
/// The typesetter's results for each distinct formula, kept for the life of one build's writer: a book repeats
/// formulas (<c>$x$</c>, <c>$\mathbf{H}_t$</c>, a display quoted again), and the same tree in the same style always
/// gives the same boxes, so each is set once (trees compared by content, <see cref="MathTreeComparer"/>). Boxes are
/// immutable records, so a formula's boxes can stand in several places. Safe to share between threads.
/// </summary>
public sealed class SetFormulaCache(MathTypesetter typesetter)
{
    private readonly ConcurrentDictionary<Key, MathBox> _boxes = new(KeyComparer.Instance);
    private readonly ConcurrentDictionary<Key, IReadOnlyList<(MathBox Box, string Text)>> _pieces = new(KeyComparer.Instance);
    private readonly ConcurrentDictionary<Key, IReadOnlyList<MathTypesetter.TableRow>> _rows = new(KeyComparer.Instance);

    public MathTypesetter Typesetter => typesetter;

    /// <summary><see cref="MathTypesetter.Typeset"/>, once per distinct tree and style.</summary>
    public MathBox Typeset(MathNode node, MathStyleState style) =>
        _boxes.GetOrAdd(new Key(node, style), static (k, t) => t.Typeset(k.Node, k.Style), typesetter);

    /// <summary><see cref="MathTypesetter.Pieces"/> with each piece's text (<see cref="FormulaText"/>), once per distinct tree and style.</summary>
    public IReadOnlyList<(MathBox Box, string Text)> Pieces(MathNode node, MathStyleState style) =>
        _pieces.GetOrAdd(new Key(node, style), static (k, t) => t.Pieces(k.Node, k.Style).Select(b => (b, FormulaText.Of(b))).ToArray(), typesetter);

    /// <summary><see cref="MathTypesetter.TableRows"/>, once per distinct table and style.</summary>
    public IReadOnlyList<MathTypesetter.TableRow> TableRows(MathTable table, MathStyleState style) =>
        _rows.GetOrAdd(new Key(table, style), static (k, t) => t.TableRows((MathTable)k.Node, k.Style), typesetter);

    private readonly record struct Key(MathNode Node, MathStyleState Style);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) => x.Style == y.Style && MathTreeComparer.Instance.Equals(x.Node, y.Node);

        public int GetHashCode(Key key) => HashCode.Combine(key.Style, MathTreeComparer.Instance.GetHashCode(key.Node));
    }
}
