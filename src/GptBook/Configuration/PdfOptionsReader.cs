using GptBook.Units;

namespace GptBook.Configuration;

/// <summary>
/// The <c>pdf:</c> section of book.yml: page size, mirrored margins, bleed, type size, TOC levels. Margins are
/// checked against the page, so a setting that leaves no room for text is an error here, not a surprise in layout.
/// </summary>
internal static class PdfOptionsReader
{
    public static PdfOptions Read(YamlSection s)
    {
        var d = new PdfOptions();
        var section = s.Section("pdf");
        if (section == null) return d;
        var pageSize = d.PageSize;
        if (section.Scalar("page_size") is { Value: { } sizeText } sizeNode)
        {
            if (PageSizeParser.TryParse(sizeText, out var size, out var error)) pageSize = size;
            else section.Error(sizeNode, $"'pdf.page_size': {error}");
        }
        var zero = Length.Zero;
        var maxMargin = Length.Mm(100);
        var margins = section.Section("margins");
        var inner = margins?.Length("inner", zero, maxMargin) ?? d.InnerMargin;
        var outer = margins?.Length("outer", zero, maxMargin) ?? d.OuterMargin;
        var top = margins?.Length("top", zero, maxMargin) ?? d.TopMargin;
        var bottom = margins?.Length("bottom", zero, maxMargin) ?? d.BottomMargin;
        margins?.ReportUnknownKeys();
        var minText = Length.Mm(30);
        if (pageSize.Width - inner - outer < minText || pageSize.Height - top - bottom < minText)
            section.Error(margins is null ? section.Span : section.SpanOf(section.Node("margins")!),
                $"the margins leave less than {minText.Millimetres:0}mm of text on a {pageSize.Name} page ({pageSize.Width.Millimetres:0.#}mm x {pageSize.Height.Millimetres:0.#}mm)");

        var tocLevels = d.TocLevels;
        if (section.ScalarList("toc_levels") is { Count: > 0 } levels)
        {
            var parsed = levels.Select(l => int.TryParse(l.Value, out var v) && v is >= 1 and <= 6 ? v : -1).ToArray();
            if (parsed.Any(v => v < 0))
                section.Error(section.Node("toc_levels")!, "'pdf.toc_levels' must be heading levels from 1 to 6, such as [1, 2, 3] or [2, 3]");
            else
                tocLevels = parsed.Distinct().Order().ToArray();
        }
        var options = d with
        {
            PageSize = pageSize,
            InnerMargin = inner,
            OuterMargin = outer,
            TopMargin = top,
            BottomMargin = bottom,
            Bleed = section.Length("bleed", zero, Length.Mm(10)) ?? d.Bleed,
            CropMarks = section.Bool("crop_marks") ?? d.CropMarks,
            FontSize = section.Length("font_size", Length.Pt(6), Length.Pt(24)) ?? d.FontSize,
            LineHeight = section.Double("line_height", 1.0, 3.0) ?? d.LineHeight,
            TocLevels = tocLevels,
            MaxFigureHeight = section.Double("max_figure_height", 0.1, 1.0) ?? d.MaxFigureHeight,
        };
        section.ReportUnknownKeys();
        return options;
    }
}
