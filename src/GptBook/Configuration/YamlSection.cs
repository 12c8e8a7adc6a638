using System.Globalization;
using GptBook.Diagnostics;
using GptBook.Model;
using YamlDotNet.RepresentationModel;
using GptBook.Units;

namespace GptBook.Configuration;

/// <summary>
/// Typed, diagnosed access to one mapping of book.yml. Every value read is checked for its type and range, and
/// reported with its line and column when wrong; <see cref="ReportUnknownKeys"/> warns about keys nobody asked for
/// (usually a typo). A wrong value yields null, so the reader can go on and report every problem in one run.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode _mapping;
    private readonly string _file;
    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public YamlSection(YamlMappingNode mapping, string file, string path, DiagnosticBag diagnostics)
    {
        _mapping = mapping;
        _file = file;
        _path = path;
        _diagnostics = diagnostics;
    }

    public bool HasErrors { get; private set; }

    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>A section for a mapping found under one of this section's data keys (such as one figure).</summary>
    public YamlSection Child(YamlMappingNode mapping, string key) => new(mapping, _file, Name(key), _diagnostics);

    public SourceSpan Span => SpanOf(_mapping);

    public SourceSpan SpanOf(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => Error(SpanOf(node), message);

    public void Error(SourceSpan span, string message)
    {
        HasErrors = true;
        _diagnostics.Report(DiagnosticCodes.BookYamlInvalid, span, message);
    }

    private string Name(string key) => _path.Length == 0 ? key : _path + "." + key;

    /// <summary>The value node of <paramref name="key"/>, or null when absent or written as an empty value.</summary>
    public YamlNode? Node(string key)
    {
        _known.Add(key);
        foreach (var (k, v) in _mapping.Children)
            if (k is YamlScalarNode s && s.Value == key)
                return v is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } ? null : v;
        return null;
    }

    public YamlScalarNode? Scalar(string key)
    {
        var node = Node(key);
        if (node is null or YamlScalarNode) return (YamlScalarNode?)node;
        Error(node, $"'{Name(key)}' must be a single value");
        return null;
    }

    public string? String(string key) => Scalar(key)?.Value?.Trim();

    public string? RequiredString(string key)
    {
        var value = String(key);
        if (string.IsNullOrEmpty(value)) Error(Span, $"'{Name(key)}' is required");
        return value;
    }

    public int? Int(string key, int min, int max)
    {
        var node = Scalar(key);
        if (node == null) return null;
        if (int.TryParse(node.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        Error(node, $"'{Name(key)}' must be a whole number from {min} to {max}, not '{node.Value}'");
        return null;
    }

    public double? Double(string key, double min, double max)
    {
        var node = Scalar(key);
        if (node == null) return null;
        if (double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        Error(node, $"'{Name(key)}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{node.Value}'");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Scalar(key);
        if (node == null) return null;
        switch (node.Value?.ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
        }
        Error(node, $"'{Name(key)}' must be true or false, not '{node.Value}'");
        return null;
    }

    /// <summary>A length such as "20mm", "10.5pt" or "1.5cm" (a bare number is millimetres), within the bounds.</summary>
    public Length? Length(string key, Length min, Length max)
    {
        var node = Scalar(key);
        if (node == null) return null;
        if (Units.Length.TryParse(node.Value ?? "", out var v) && v >= min && v <= max) return v;
        Error(node, $"'{Name(key)}' must be a length from {min.Millimetres:0.#}mm to {max.Millimetres:0.#}mm (such as \"20mm\" or \"10.5pt\"), not '{node.Value}'");
        return null;
    }

    /// <summary>A list of single values; a single value alone is taken as a list of one.</summary>
    public IReadOnlyList<YamlScalarNode>? ScalarList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null: return null;
            case YamlScalarNode s: return [s];
            case YamlSequenceNode seq:
                var items = new List<YamlScalarNode>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode { Value: not null } si) items.Add(si);
                    else Error(item, $"each entry of '{Name(key)}' must be a single value");
                }
                return items;
            default:
                Error(node, $"'{Name(key)}' must be a list");
                return null;
        }
    }

    public YamlSection? Section(string key)
    {
        var node = Node(key);
        if (node == null) return null;
        if (node is YamlMappingNode m) return new YamlSection(m, _file, Name(key), _diagnostics);
        Error(node, $"'{Name(key)}' must be a mapping of settings (key: value lines)");
        return null;
    }

    /// <summary>The raw entries, for mappings whose keys are data (links, figures), not setting names.</summary>
    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries()
    {
        foreach (var (k, v) in _mapping.Children)
        {
            if (k is YamlScalarNode { Value: not null } ks) yield return (ks, v);
            else Error(k, $"the keys of '{_path}' must be single values");
        }
    }

    public void ReportUnknownKeys()
    {
        foreach (var (k, _) in _mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && _known.Contains(name)) continue;
            _diagnostics.Report(DiagnosticCodes.UnknownSetting, SpanOf(k),
                $"unknown setting '{Name((k as YamlScalarNode)?.Value ?? "?")}' is ignored (check its spelling in the README's book.yml reference)");
        }
    }
}
