using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Transforms;

/// <summary>
/// Applies book.yml's editorial overrides to figures, matched by the image's root-relative path: a caption
/// replaces the figure's caption, an alt text its alt text (without one, the caption serves as alt text when the
/// figure had none). An override that matches no figure is reported (GB0109): it is usually a typo in a path.
/// </summary>
public sealed class FigureOverrideTransform(IReadOnlyDictionary<string, FigureOverride> overrides, DiagnosticBag diagnostics) : ModelRewriter
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public override Book Rewrite(Book book)
    {
        var result = base.Rewrite(book);
        foreach (var (path, o) in overrides.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (!_used.Contains(path))
                diagnostics.Report(DiagnosticCodes.UnusedOverride, o.Span,
                    $"the figure override for '{path}' matches no figure in the book (image paths are relative to the book root)");
        return result;
    }

    protected override Block RewriteBlock(Block block)
    {
        if (block is not Figure { Image.Path: { } path } figure || !overrides.TryGetValue(path, out var o)) return block;
        _used.Add(path);
        var caption = o.Caption is { Length: > 0 } c ? new Inline[] { new Text(c, figure.Span) } : figure.Caption;
        var alt = o.Alt ?? (figure.Image.Alt.Length > 0 ? figure.Image.Alt : Inline.PlainText(caption));
        return figure with { Caption = caption, Image = figure.Image with { Alt = alt } };
    }
}
