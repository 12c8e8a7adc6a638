using System.Globalization;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// Footnotes for the page foot: each note as rows in a smaller size, its number hanging before the first line, in a
/// Note element placed inside the element whose line references it. <see cref="Attach"/> finds a chapter's note
/// references in a block's rows (the superscript links the styler makes) and hands each note, at its first
/// reference, to the row for the paginator to set at that page's foot. A note referenced only where no row can
/// carry it (inside another note) is set at the chapter's end under a short rule, so none is ever lost.
/// </summary>
public sealed class FootnoteBuilder(LayoutContext context, BlockBoxBuilder builder)
{
    private readonly LayoutStyle _style = context.Style;
    private Dictionary<string, Footnote> _notes = [];
    private readonly HashSet<string> _placed = new(StringComparer.Ordinal);
    private bool _insideNote;

    /// <summary>Starts a chapter: its notes become placeable.</summary>
    public void BeginChapter(Chapter chapter)
    {
        _notes = chapter.Footnotes.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _placed.Clear();
    }

    /// <summary>Gives each row the notes first referenced on it.</summary>
    public void Attach(RowSequence seq)
    {
        if (_notes.Count == 0 || _insideNote) return;
        for (var i = 0; i < seq.Count; i++)
        {
            List<FootnoteRows>? notes = null;
            foreach (var t in seq.Rows[i].Fragments.OfType<TextFragment>())
            {
                if (!t.Run.Style.Superscript || t.Run.Style.LinkTarget is not ['#', .. var id]) continue;
                if (!_notes.TryGetValue(id, out var fn) || !_placed.Add(id)) continue;
                var parent = t.Structure?.Tag == "Link" ? t.Structure.Parent : t.Structure;
                (notes ??= []).Add(Note(fn, (parent ?? StructureNode.Root()).Child("Note")));
            }
            if (notes != null) seq.Rows[i] = seq.Rows[i] with { Notes = [.. seq.Rows[i].Notes, .. notes] };
        }
    }

    /// <summary>The chapter's notes that no row took, as an end-of-chapter section (usually none).</summary>
    public IEnumerable<LayoutBox> Unplaced(Chapter chapter, StructureNode root)
    {
        var rest = chapter.Footnotes.Where(f => !_placed.Contains(f.Id)).ToList();
        if (rest.Count == 0) yield break;
        var section = root.Child("Div");
        var rule = new RowSequence();
        rule.Add(new BoxRow(_style.Leading * 0.5, [new RuleFragment(Length.Zero, _style.Leading * 0.25, builder.Width / 4, _style.Leading * 0.25, Length.Pt(0.5))]), false);
        yield return new LayoutBox(rule.Rows, rule.BreakAfter, rest[0].Span) { SpaceBefore = _style.Leading, KeepWithNext = true };
        foreach (var fn in rest)
        {
            _placed.Add(fn.Id);
            var note = Note(fn, section.Child("Note"));
            yield return new LayoutBox(note.Rows, note.Rows.Select((_, i) => i >= 1 && i <= note.Rows.Count - 3).ToList(), fn.Span);
        }
    }

    private FootnoteRows Note(Footnote fn, StructureNode node)
    {
        _insideNote = true;
        try
        {
            var label = fn.Number.ToString(CultureInfo.InvariantCulture) + ".";
            var labelWidth = context.MeasureWidth(label, _style.Small);
            var indent = _style.Small.Size * 2.2;
            var seq = new RowSequence();
            foreach (var b in fn.Blocks)
            {
                var inner = b is Paragraph p
                    ? RowOrigins.Stamp(builder.ParagraphRows(p.Content, builder.Width - indent, node.Child("P"), _style.Small, Length.Zero, _style.NoteLeading, BlockBoxBuilder.LineAlignment(p.Alignment)), p)
                    : builder.Rows(b, builder.Width - indent, node, 1);
                seq.Append(inner, Length.Zero);
            }
            if (seq.Count == 0) seq.Add(new BoxRow(_style.NoteLeading, []), false);
            var indented = seq.Indented(indent);
            var first = indented.Rows[0];
            var fragments = new List<PageFragment>
            {
                new AnchorFragment(fn.Id, Length.Zero, Length.Zero),
                new TextFragment(new PositionedRun(label, _style.Small, Length.Zero, labelWidth, Length.Zero, label),
                    indent - labelWidth - _style.Small.Size * 0.4, BlockBoxBuilder.FirstBaseline(first) ?? _style.NoteLeading * 0.7, node.Child("Lbl")),
            };
            fragments.AddRange(first.Fragments);
            indented.Rows[0] = first with { Fragments = fragments };
            return new FootnoteRows(fn.Id, indented.Rows);
        }
        finally
        {
            _insideNote = false;
        }
    }
}
