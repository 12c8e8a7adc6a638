using GptBook.Units;

namespace GptBook.Configuration;

/// <summary>Parses a page size: a preset name (A5, B5, 16开) or "width x height" such as "170mm x 240mm".</summary>
public static class PageSizeParser
{
    /// <summary>The smallest and largest trim sizes accepted: a pocket card and an A2 poster.</summary>
    public static readonly Length Smallest = Length.Mm(50);
    public static readonly Length Largest = Length.Mm(600);

    public static bool TryParse(string text, out PageSize size, out string error)
    {
        size = PageSize.A5;
        error = "";
        var t = text.Trim();
        foreach (var preset in PageSize.Presets)
        {
            if (!string.Equals(preset.Name, t, StringComparison.OrdinalIgnoreCase)) continue;
            size = preset;
            return true;
        }
        var parts = t.Split(['x', 'X', '×', '*'], StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Length.TryParse(parts[0], out var w) || !Length.TryParse(parts[1], out var h))
        {
            error = $"'{text}' is neither a preset ({string.Join(", ", PageSize.Presets.Select(p => p.Name))}) nor a size such as \"170mm x 240mm\"";
            return false;
        }
        if (w < Smallest || h < Smallest || w > Largest || h > Largest)
        {
            error = $"'{text}' is out of range: width and height must each be from {Smallest.Millimetres:0}mm to {Largest.Millimetres:0}mm";
            return false;
        }
        size = new PageSize($"{w.Millimetres:0.##}mm x {h.Millimetres:0.##}mm", w, h);
        return true;
    }
}
